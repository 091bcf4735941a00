/** Everything Coursepack builds passes `coursepack validate` with zero findings, in every format. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORMAT_IDS } from "../../src/shared/course-data.js";
import { validatePackage } from "../../src/validator/validate.js";
import { buildInto, CONTENT_DIR, FIXTURES } from "../support/build.js";

const ALL = FORMAT_IDS;

describe("our own packages", () => {
  it.each([
    ["the default course", CONTENT_DIR],
    ["the every-question-type fixture", path.join(FIXTURES, "courses", "all-types")],
  ])(
    "%s: every format validates with zero findings",
    async (_name, dir) => {
      const result = await buildInto(dir, { formats: [...ALL] });
      // Every format in every language the course lists (the default course ships in English and German).
      const languages = result.model.config.languages ?? [result.model.config.language];
      expect(result.outputs.map((o) => `${o.language} ${o.format}`).sort()).toEqual(
        languages.flatMap((l) => ALL.map((f) => `${l} ${f}`)).sort(),
      );
      for (const output of result.outputs) {
        expect(output.findings, output.zipName).toEqual([]);
        const folder = await validatePackage(path.join(result.outDir, output.folderName), { format: output.format });
        expect(folder.findings, output.folderName).toEqual([]);
      }
      // Twelve packages for the default course, each validated twice: more than the default minute
      // when the machine is shared.
    },
    180_000,
  );
});
