import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two cores: browser tests are heavy, so two files at a time.
    maxWorkers: 2,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
