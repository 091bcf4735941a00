/** Compiles Coursepack (lib/) once per test run, however many projects ask for it. */
import { execFileSync } from "node:child_process";

export default function compile(): void {
  if (process.env.COURSEPACK_TEST_COMPILED) return;
  execFileSync(process.execPath, ["scripts/compile.mjs"], { stdio: "inherit" });
  process.env.COURSEPACK_TEST_COMPILED = "1";
}
