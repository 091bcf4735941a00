/**
 * The xAPI and cmi5 packages: tincan.xml and cmi5.xml at the zip root with the course's IRIs,
 * cmi5.xml valid against CourseStructure.xsd, no credentials anywhere, the runtime within budget.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../../src/compiler/pipeline.js";
import { BuildFailed } from "../../src/compiler/diagnostics.js";
import { validateXsd } from "../../src/validator/xsd.js";
import { buildInto } from "../support/build.js";
import { COURSE_IRI, starterCourse } from "../support/lrs-setup.js";

let dir: string;
let result: BuildResult;
const folder = (format: string) =>
  path.join(result.outDir, result.outputs.find((o) => o.format === format)!.folderName);

beforeAll(async () => {
  dir = await starterCourse();
  result = await buildInto(dir, { formats: ["xapi", "cmi5"] });
});

async function withCourseYml(edit: (yml: string) => string): Promise<string> {
  const copy = await starterCourse();
  const file = path.join(copy, "course.yml");
  await writeFile(file, edit(await readFile(file, "utf8")));
  return copy;
}

async function buildError(courseDir: string): Promise<string> {
  try {
    await buildInto(courseDir, { formats: ["xapi", "cmi5"] });
  } catch (error) {
    if (error instanceof BuildFailed) return error.diagnostics.list.map((d) => d.message).join("\n");
    throw error;
  }
  throw new Error("the build should have failed");
}

describe("xAPI package", () => {
  it("has tincan.xml at the root with one course activity whose id is the course IRI and a relative launch", async () => {
    const xml = await readFile(path.join(folder("xapi"), "tincan.xml"), "utf8");
    expect(xml).toContain('<tincan xmlns="http://projecttincan.com/tincan.xsd">');
    expect(xml.match(/<activity /g)).toHaveLength(1);
    expect(xml).toContain(`<activity id="${COURSE_IRI}" type="http://adlnet.gov/expapi/activities/course">`);
    expect(xml).toContain('<launch lang="en">index.html</launch>');
    expect(xml).toContain('<name lang="en">Safety basics</name>');
    expect(await readdir(folder("xapi"))).toEqual(
      expect.arrayContaining(["tincan.xml", "index.html", "coursepack.js", "coursepack.css"]),
    );
  });
});

describe("cmi5 package", () => {
  it("has a cmi5.xml that validates against CourseStructure.xsd, with one AU and globally unique ids", async () => {
    const xml = await readFile(path.join(folder("cmi5"), "cmi5.xml"), "utf8");
    const [validation] = await validateXsd("cmi5", [{ file: "cmi5.xml", xml }]);
    expect(validation).toMatchObject({ valid: true, problems: [] });
    expect(xml.match(/<au /g)).toHaveLength(1);
    expect(xml).toContain(`<course id="${COURSE_IRI}">`);
    expect(xml).toContain(
      `<au id="${COURSE_IRI}/au" moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow">`,
    );
    expect(xml).toContain("<url>index.html</url>");
  });

  it("the schema check can fail: a broken cmi5.xml does not validate", async () => {
    const xml = (await readFile(path.join(folder("cmi5"), "cmi5.xml"), "utf8")).replace(
      'moveOn="CompletedAndPassed"',
      'moveOn="Whenever"',
    );
    const [validation] = await validateXsd("cmi5", [{ file: "cmi5.xml", xml }]);
    expect(validation!.valid).toBe(false);
  });

  it("asks only for completion, without a masteryScore, when the course has no graded quiz", async () => {
    const lessonsOnly = await withCourseYml((yml) =>
      yml
        .replace(/\n {2}- quizzes\/check-your-understanding.yml/, "")
        .replace("completion: lessons-and-quiz", "completion: lessons"),
    );
    const built = await buildInto(lessonsOnly, { formats: ["cmi5"] });
    const xml = await readFile(path.join(built.outDir, built.outputs[0]!.folderName, "cmi5.xml"), "utf8");
    expect(xml).toContain('moveOn="Completed" launchMethod="AnyWindow"');
  });
});

describe("both packages", () => {
  it("contain no LRS endpoint or credentials", async () => {
    for (const format of ["xapi", "cmi5"]) {
      for (const name of await readdir(folder(format))) {
        if (!/\.(html|xml|js)$/.test(name)) continue;
        const text = await readFile(path.join(folder(format), name), "utf8");
        expect(text, name).not.toMatch(/Basic [A-Za-z0-9+/]{8,}=*/);
        expect(text, name).not.toMatch(/auth-token"\s*:/);
      }
    }
  });

  it("warn once, for both formats, when the course keeps the default activity id", async () => {
    const defaultId = await withCourseYml((yml) => yml.replace(/\nactivityId: .*\n/, "\n"));
    const built = await buildInto(defaultId, { formats: ["xapi", "cmi5"] });
    const warnings = built.diagnostics.list.filter((d) => d.message.includes("activityId"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('"urn:coursepack:safety-basics"');
  });
});

describe("credentials never go into a package", () => {
  it("refuses an activityId with a user name and password", async () => {
    const message = await buildError(
      await withCourseYml((yml) => yml.replace(COURSE_IRI, "https://key:secret@lrs.example.com/courses/x")),
    );
    expect(message).toMatch(/must not carry credentials: it contains a user name or password/);
    expect(message).toMatch(/the LMS passes the endpoint and auth/);
  });

  it("refuses an activityId with a credential in its query", async () => {
    const message = await buildError(
      await withCourseYml((yml) => yml.replace(COURSE_IRI, `${COURSE_IRI}?auth=Basic%20abc`)),
    );
    expect(message).toMatch(/query parameter "auth" looks like a credential/);
  });

  it("refuses tracking.endpoint and tracking.auth with an explanation", async () => {
    const message = await buildError(
      await withCourseYml(
        (yml) => `${yml}tracking:\n  endpoint: https://lrs.example.com/xapi/\n  auth: Basic a2V5OnNlY3JldA==\n`,
      ),
    );
    expect(message.match(/cannot be set: packages never contain LRS credentials/g)).toHaveLength(2);
  });
});
