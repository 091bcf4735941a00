/**
 * Size budgets (the performance issue): the learner-side payload of each package of the default
 * course, and the SCORM zip as a whole. Sizes are measured, not timed, so this test is stable.
 */
import { describe, expect, it } from "vitest";
import { FORMAT_IDS, type FormatId } from "../../src/shared/course-data.js";
import { buildInto, CONTENT_DIR } from "../support/build.js";

const KB = 1024;
const RUNTIME_BUDGET: Record<FormatId, number> = {
  web: 25 * KB,
  scorm12: 25 * KB,
  scorm2004: 25 * KB,
  "scorm2004-3rd": 25 * KB,
  "scorm2004-4th": 25 * KB,
  xapi: 40 * KB,
  cmi5: 40 * KB,
};

describe("size budgets of the default course", async () => {
  const result = await buildInto(CONTENT_DIR, {
    formats: [...FORMAT_IDS],
    folders: false,
  });

  it.each(Object.entries(RUNTIME_BUDGET))(
    "%s ships at most its budget of runtime JS+CSS, gzipped",
    (format, budget) => {
      const output = result.outputs.find((o) => o.format === format)!;
      expect(output.runtimeGzipBytes).toBeLessThanOrEqual(budget);
    },
  );

  it("keeps every SCORM zip under 300 KB", () => {
    for (const output of result.outputs.filter((o) => o.format.startsWith("scorm"))) {
      expect(output.zipBytes, output.zipName).toBeLessThan(300 * KB);
    }
  });
});
