// Install and start-up figures of the published package: `npm pack` of this checkout, installed
// into a clean prefix from the npm cache, then the installed command timed (each in a new process):
// `npx coursepack --version` in a course folder that has it as a devDependency (what the starter
// does; the npm cache is warm) next to `npx -c true` (npx alone), `coursepack --version` and
// `coursepack --help` (loads the CLI).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { installGlobal, npmEnv, pack } from "../scripts/pack.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function timed(command, args, cwd, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const child = spawnSync(command, args, { cwd, env: npmEnv(), encoding: "utf8" });
    if (child.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${child.stderr}`);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** @param {string} root @param {number} runs */
export function measureInstall(root, runs) {
  const work = mkdtempSync(path.join(os.tmpdir(), "coursepack-bench-install-"));
  try {
    const tarball = pack(root, path.join(work, "tarballs"));
    const prefix = path.join(work, "global");
    const t0 = performance.now();
    installGlobal([tarball], prefix);
    const installMs = performance.now() - t0;
    const installedBytes = folderBytes(path.join(prefix, "lib", "node_modules"));

    // A course folder with coursepack as a devDependency, as `npm create coursepack` leaves it.
    const project = path.join(work, "course");
    mkdirSync(project);
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ private: true }));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-dev", tarball], {
      cwd: project,
      env: npmEnv(),
      stdio: "ignore",
    });
    const bin = path.join(prefix, "bin", "coursepack");
    return {
      tarballBytes: statSync(tarball).size,
      installedBytes,
      installMs,
      npxVersionMs: timed("npx", ["coursepack", "--version"], project, runs),
      // npx's own start with nothing to run: the floor under any `npx <command>`.
      npxFloorMs: timed("npx", ["-c", "true"], project, runs),
      versionMs: timed(bin, ["--version"], project, runs),
      helpMs: timed(bin, ["--help"], project, runs),
      nodeMs: timed(process.execPath, ["-e", "0"], project, runs),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
