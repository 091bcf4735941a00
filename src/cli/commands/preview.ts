/** `coursepack preview [dir|package.zip] [--format scorm2004] [--port 0]`: a local LMS until Ctrl+C. */
import { parseArgs } from "node:util";
import type { BuildStatus } from "../../preview/protocol.js";
import { startPreview } from "../../preview/server/preview.js";
import { FORMAT_IDS } from "../../shared/course-data.js";
import { bold, dim, formatMs, green, info, red, yellow } from "../format.js";
import { oneOf, UsageError } from "../usage.js";
import { courseDir } from "../course-dir.js";

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", short: "f" },
      port: { type: "string", short: "p" },
    },
  });
  if (positionals.length > 1) throw new UsageError("preview takes one course folder or package");
  const format = values.format === undefined ? undefined : oneOf(values.format, FORMAT_IDS, "format");
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a port number (0 for any free port), not "${values.port}"`);

  const preview = await startPreview({
    source: courseDir(positionals[0]),
    format,
    port,
  });
  const state = preview.state();
  const launchable = state.launchable;
  info(
    `${bold("Coursepack preview")} of ${launchable?.title ?? state.source.name} ${dim(`(${state.format ?? `${launchable?.standard} ${launchable?.edition ?? ""}`.trim()})`)}`,
  );
  // The address is the point of the command: printed even with --quiet.
  console.log(`  ${green("➜")} ${bold(preview.url)}`);
  if (state.build) report(state.build);
  info(dim(state.source.kind === "course" ? "Watching for changes. Press Ctrl+C to stop." : "Press Ctrl+C to stop."));
  preview.onBuild(report);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await preview.close();
  info("Preview stopped.");
  return 0;
}

function report(build: BuildStatus): void {
  const changed = build.changed.length ? ` (${build.changed.join(", ")})` : "";
  if (build.ok) {
    info(`${green("✓")} built ${build.format} in ${formatMs(build.ms)}${changed}`);
    for (const line of build.diagnostics) console.error(yellow(line));
    return;
  }
  for (const line of build.diagnostics) console.error(/ warning: /.test(line) ? yellow(line) : red(line));
  const serving = build.serving === null ? "nothing to serve until it builds" : "still serving the last good build";
  console.error(
    bold(`${red("✗")} build failed: ${build.errors} error${build.errors === 1 ? "" : "s"}${changed}; ${serving}`),
  );
}
