/**
 * Runs the `coursepack` command as the tests need it. In this process by default: `main()` with its
 * console output captured, the exit code it returns, and no process start-up or bundle load per call
 * (the packed command itself is exercised in test/package/). With `cwd`, in a child process running
 * bin/coursepack.js, since a worker thread cannot change its working directory.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { format, promisify } from "node:util";
import { main } from "../../src/cli/main.js";
import { ROOT } from "./build.js";

const run = promisify(execFile);
export const CLI = path.join(ROOT, "bin", "coursepack.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `coursepack <args>` without colours; never throws for a non-zero exit code. */
export async function coursepack(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  // In process is faster; a working folder or an environment needs a process of its own.
  return options.cwd === undefined && options.env === undefined ? inProcess(args) : childProcess(args, options);
}

async function inProcess(args: string[]): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { log, info, error, warn } = console;
  console.log = console.info = (...values: unknown[]) => void stdout.push(`${format(...values)}\n`);
  console.error = console.warn = (...values: unknown[]) => void stderr.push(`${format(...values)}\n`);
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    Object.assign(console, { log, info, error, warn });
  }
}

async function childProcess(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
