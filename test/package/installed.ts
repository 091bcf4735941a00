/**
 * The `coursepack` that `npm pack` + `npm install --global` produced (see global-setup.ts), and
 * runners for it. Add a command's case in one line:
 *
 *   const r = await installed("validate", "course.zip");   // { code, stdout, stderr }
 *
 * Commands run without colours, in a scratch folder outside the repository unless `cwd` is given,
 * so nothing can resolve from the repository's node_modules.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";

export interface InstalledPackage {
  /** Scratch folder of this run (outside the repository); removed when the run ends. */
  work: string;
  /** The npm prefix the tarball was installed into. */
  prefix: string;
  tarball: string;
  /** create-coursepack's tarball (packages/create-coursepack), packed beside it. */
  createTarball: string;
  /** <prefix>/bin/coursepack: the command npm linked, as on a user's PATH. */
  bin: string;
  /** The installed package's folder (<prefix>/lib/node_modules/coursepack). */
  root: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    coursepackPackage: InstalledPackage;
  }
}

export const pkg: InstalledPackage = inject("coursepackPackage");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** A new empty folder in the run's scratch space. */
export function scratch(prefix = "case"): Promise<string> {
  return mkdtemp(path.join(pkg.work, `${prefix}-`));
}

/** The environment the installed command runs in: no colours, the prefix's bin first on PATH. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, ...rest } = process.env;
  return {
    ...rest,
    NO_COLOR: "1",
    PATH: `${path.join(pkg.prefix, "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    ...extra,
  };
}

let defaultCwd: Promise<string> | undefined;

/** `coursepack <args>` from the installed package; never throws for a non-zero exit code. */
export async function installed(...args: (string | RunOptions)[]): Promise<RunResult> {
  const options = (typeof args.at(-1) === "object" ? args.pop() : {}) as RunOptions;
  const cwd = options.cwd ?? (await (defaultCwd ??= scratch("cwd")));
  return new Promise((resolve) => {
    execFile(
      pkg.bin,
      args as string[],
      { cwd, env: env(options.env), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface Running {
  child: ChildProcessWithoutNullStreams;
  /** Everything printed so far. */
  output(): string;
  /**
   * Resolves with the first match of `pattern` in the output (stdout and stderr), or in what was
   * printed after its first `from` characters (the match's index then counts from there).
   */
  waitFor(pattern: RegExp, from?: number): Promise<RegExpMatchArray>;
  /** Sends SIGINT (Ctrl+C) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts a long-running command (`preview`, `dev`) of the installed package. */
export function start(args: string[], options: RunOptions = {}): Running {
  const child = spawn(pkg.bin, args, { cwd: options.cwd ?? pkg.work, env: env(options.env) });
  let text = "";
  const waiters = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const append = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const check of waiters) check();
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  return {
    child,
    output: () => text,
    waitFor(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text.slice(from));
          if (match) {
            waiters.delete(check);
            resolve(match);
          }
        };
        waiters.add(check);
        void exited.then((code) => {
          if (waiters.delete(check)) reject(new Error(`coursepack ${args.join(" ")} exited (${code}):\n${text}`));
        });
        check();
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGINT");
      return exited;
    },
  };
}
