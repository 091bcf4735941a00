/**
 * The languages of a build are pipelined: the next language renders while the previous one's
 * packages are written. A package that fails meanwhile fails the build cleanly: the error is the
 * build's (no unhandled rejection), every package still being written finishes first, and the
 * output folder keeps the previous build's files.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as assemble from "../../src/compiler/packaging/assemble.js";
import type * as render from "../../src/compiler/render/index.js";
import { build } from "../../src/compiler/pipeline.js";
import { FIXTURES, tempDir } from "../support/build.js";

vi.mock("../../src/compiler/packaging/assemble.js", async (importOriginal) => {
  const real = await importOriginal<typeof assemble>();
  return { ...real, packageTarget: vi.fn(real.packageTarget) };
});

// A real course's rendering waits for files; this one's is quick, so give the German one a pause.
vi.mock("../../src/compiler/render/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof render>();
  return {
    ...real,
    renderCourse: vi.fn(async (...args: Parameters<typeof real.renderCourse>) => {
      if (args[0].config.language === "de") await new Promise((resolve) => setTimeout(resolve, 20));
      return real.renderCourse(...args);
    }),
  };
});

describe("a build's languages", () => {
  it("stops with the first language's failed package while the next one renders, keeping the output", async () => {
    const real = vi.mocked(assemble.packageTarget).getMockImplementation()!;
    const settled: string[] = [];
    vi.mocked(assemble.packageTarget).mockImplementation(async (target, model, rendered, run, assets, named) => {
      // Fails at once, so the failure is there while the German version is read and rendered.
      if (named?.language === "en" && target.id === "scorm12")
        throw new Error("the SCORM 1.2 package could not be written");
      const output = await real(target, model, rendered, run, assets, named);
      settled.push(`${named?.language} ${target.id}`);
      return output;
    });
    const out = await tempDir("languages-out");
    await writeFile(path.join(out, "previous.txt"), "the last good build");
    await expect(
      build({ dir: path.join(FIXTURES, "courses", "translation"), outDir: out, formats: ["web", "scorm12"] }),
    ).rejects.toThrow("the SCORM 1.2 package could not be written");
    // The German packages were started after the English failure and still finished before cleanup.
    expect(settled).toEqual(expect.arrayContaining(["en web", "de web", "de scorm12"]));
    expect(await readdir(out)).toEqual(["previous.txt"]);
  });
});
