/**
 * The languages of a build are pipelined: the next language renders while the previous one's
 * packages are written, and every manifest's schema check starts before rendering. A package that
 * fails meanwhile fails the build cleanly: the error is the build's (no unhandled rejection), every
 * package still being written finishes first, and the output folder keeps the previous build's
 * files.
 */
import { randomBytes } from "node:crypto";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as assemble from "../../src/compiler/packaging/assemble.js";
import { build } from "../../src/compiler/pipeline.js";
import * as render from "../../src/compiler/render/index.js";
import * as xmllint from "../../src/validator/xmllint-pool.js";
import { FIXTURES, tempDir } from "../support/build.js";

// Spies, not vi.mock: the unit project shares modules between test files (isolate: false).
afterEach(() => {
  vi.restoreAllMocks();
});

describe("a build's languages", () => {
  it("stops with the first language's failed package while the next one renders, keeping the output", async () => {
    const realPackage = assemble.packageTarget;
    const realRender = render.renderCourse;
    // A real course's rendering waits for files; this one's is quick, so give the German one a pause.
    vi.spyOn(render, "renderCourse").mockImplementation(async (...args) => {
      if (args[0].config.language === "de") await new Promise((resolve) => setTimeout(resolve, 20));
      return realRender(...args);
    });
    const settled: string[] = [];
    vi.spyOn(assemble, "packageTarget").mockImplementation(async (target, model, rendered, run, named) => {
      // Fails at once, so the failure is there while the German version is read and rendered.
      if (named?.language === "en" && target.id === "scorm12")
        throw new Error("the SCORM 1.2 package could not be written");
      const output = await realPackage(target, model, rendered, run, named);
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

  it("waits for the assets being placed in the folders when rendering fails, keeping the output", async () => {
    // The folders' copies of the assets are started before rendering (PackagingRun.placeAssetsEarly).
    const placed = vi.spyOn(assemble.PackagingRun.prototype, "placeAssetsEarly");
    vi.spyOn(render, "renderCourse").mockRejectedValue(new Error("the page could not be rendered"));
    const out = await tempDir("languages-render-fails");
    await writeFile(path.join(out, "previous.txt"), "the last good build");
    await expect(build({ dir: path.join(FIXTURES, "courses", "translation"), outDir: out })).rejects.toThrow(
      "the page could not be rendered",
    );
    expect(placed.mock.calls[0]?.[1].length).toBeGreaterThan(0);
    expect(await readdir(out)).toEqual(["previous.txt"]);
  });

  it("validates each manifest once: before rendering, one xmllint run per schema for every language", async () => {
    const dir = await tempDir("languages-schemas");
    await cp(path.join(FIXTURES, "courses", "translation"), dir, { recursive: true });
    // A title no other test builds, so no manifest has been validated in this process before.
    const course = path.join(dir, "course.yml");
    const title = `Schemas ${randomBytes(4).toString("hex")}`;
    await writeFile(course, (await readFile(course, "utf8")).replace("title: Translated course", `title: ${title}`));
    const runs = vi.spyOn(xmllint, "runXmllint");
    const result = await build({
      dir,
      outDir: await tempDir("languages-schemas-out"),
      formats: ["scorm12", "scorm2004-4th", "cmi5"],
    });
    expect(result.outputs.map((o) => o.findings.filter((f) => f.severity === "error"))).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    // Three schema sets, each run once with the English and the German manifest; the package
    // checks, which validate the manifests as found in the zips, started no run of their own.
    const documents = runs.mock.calls.map(([run]) => run.args.filter((a) => a.startsWith("document-")).length);
    expect(documents).toEqual([2, 2, 2]);
  });
});
