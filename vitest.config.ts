import { defineConfig } from "vitest/config";

/**
 * Three kinds of tests, runnable apart: `unit` (no browser: compiler, validator, importers, runtime
 * logic in Node, the CLI) is the fast loop; `e2e` drives packages in headless browsers; `package`
 * runs the packed npm tarball, installed into a clean prefix, as users get it (test/package/). Each
 * project's setup compiles lib/ once per run (see test/support/compile.ts); e2e and package also
 * find Chromium.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: two test files at a time.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/build/**/*.test.ts"],
          globalSetup: ["test/support/compile.ts"],
          pool: "threads",
          // Test files share each worker's modules (the compiler, zod, markdown-it… load once per
          // worker, not once per file: that was a third of the project's time). Tests keep no state
          // in modules; the validator's caches only ever return what a fresh run would.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/compile.ts", "test/support/global-setup.ts"],
          pool: "forks",
        },
      },
      {
        extends: true,
        test: {
          name: "package",
          include: ["test/package/**/*.test.ts"],
          // Each case runs real processes (npm, the installed coursepack, Chromium) on two cores.
          testTimeout: 180_000,
          globalSetup: ["test/support/compile.ts", "test/package/global-setup.ts"],
          pool: "forks",
        },
      },
    ],
  },
});
