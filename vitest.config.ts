import { defineConfig } from "vitest/config";

/**
 * Two kinds of tests, runnable apart: `unit` (no browser: compiler, validator, importers, runtime
 * logic in Node, the CLI) is the fast loop; `e2e` drives packages in headless browsers. Each
 * project's setup compiles lib/ once per run (see test/support/compile.ts); e2e also finds Chromium.
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
    ],
  },
});
