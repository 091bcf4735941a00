/** The `coursepack` command: dispatches to a command and turns failures into messages and exit codes. */
import { BuildFailed, formatDiagnostic } from "../compiler/diagnostics.js";
import { VERSION } from "../shared/node/paths.js";
import { COMMANDS } from "./commands/index.js";
import { bold, red, setQuiet, yellow } from "./format.js";
import { didYouMean } from "../shared/nearest.js";
import { UsageError, unknownOptionError, usage } from "./usage.js";

export async function main(argv: string[]): Promise<number> {
  // --quiet works with every command: only problems and machine output (--json) are printed.
  const quiet = argv.some((a) => a === "--quiet" || a === "-q");
  setQuiet(quiet);
  const [name, ...args] = quiet ? argv.filter((a) => a !== "--quiet" && a !== "-q") : argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(usage(COMMANDS));
    return 0;
  }
  if (name === "--version" || name === "-v") {
    console.log(VERSION);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.names.includes(name));
  try {
    if (!entry) {
      const names = COMMANDS.flatMap((c) => c.names);
      throw new UsageError(`unknown command "${name}"${didYouMean(name, names)}`);
    }
    if (args.includes("--help") || args.includes("-h")) {
      console.log(entry.usage);
      return 0;
    }
    return await (await entry.load()).run(args);
  } catch (error) {
    if (entry && (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      return report(unknownOptionError(error as Error, entry));
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof BuildFailed) {
    for (const d of error.diagnostics.sorted()) {
      console.error(d.severity === "error" ? red(formatDiagnostic(d)) : yellow(formatDiagnostic(d)));
    }
    const n = error.diagnostics.errorCount;
    console.error(bold(`Build failed: ${n} error${n === 1 ? "" : "s"}. Nothing was written.`));
    return 1;
  }
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    const pointer = error instanceof UsageError && error.namesHelp ? "" : "\nRun `coursepack --help` for usage.";
    console.error(`coursepack: ${(error as Error).message}${pointer}`);
    return 1;
  }
  console.error(red(`coursepack: ${error instanceof Error ? error.message : String(error)}`));
  if (process.env.COURSEPACK_DEBUG && error instanceof Error) console.error(error.stack);
  return 1;
}
