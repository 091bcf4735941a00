/** Runs the real `coursepack` command (bin/coursepack.js) in a child process, as a user would. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
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
