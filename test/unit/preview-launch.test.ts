/**
 * What the preview needs to launch a package: the launch reader (standard, edition, launch file,
 * cmi5 and Tin Can ids) on other tools' packages and on ours; the SCORM learner record the LMS page
 * hands a SCO (checked against scorm-again itself); and the data model the debug panel shows.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BuildSession } from "../../src/compiler/session.js";
import { findLaunch } from "../../src/validator/launch.js";
import { Findings } from "../../src/validator/findings.js";
import { memorySource } from "../../src/validator/package/memory-source.js";
import { openPackage } from "../../src/validator/package/open.js";
import { DEFAULT_LIMITS } from "../../src/validator/package/source.js";
import { ScormLms } from "../../src/preview/client/scorm-lms.js";
import { firstSession, withSettings, type LaunchSettings } from "../../src/preview/client/scorm-record.js";
import { summarizeScorm } from "../../src/preview/client/scorm-summary.js";
import { FIXTURES, tempDir } from "../support/build.js";
import { archiverZip, readFolder } from "../support/zip.js";
import { copyStarter } from "../../src/cli/starter.js";

const SAMPLES = path.join(FIXTURES, "conformance-samples");
const open = (input: string | Buffer) => openPackage(input, "package.zip", DEFAULT_LIMITS, new Findings());

const MANIFEST_12 = (resource: string, item = "") => `<?xml version="1.0"?>
<manifest identifier="m" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="b">
    <organization identifier="a"><title>Other</title><item identifier="ia" identifierref="r1"><title>Not this one</title></item></organization>
    <organization identifier="b"><title>Course</title><item identifier="ib" identifierref="r2"${item}><title>This one</title></item></organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="a.html"/>
    ${resource}
  </resources>
</manifest>`;

describe("launch reader", () => {
  it.each([
    [
      "scorm12/ContentPackagingSingleSCO_SCORM12",
      { standard: "scorm12", edition: "1.2", launch: "shared/launchpage.html", title: "Golf Explained" },
    ],
    [
      "scorm2004/ContentPackagingSingleSCO_SCORM20043rdEdition",
      { standard: "scorm2004", edition: "2004 3rd Edition", launch: "shared/launchpage.html" },
    ],
  ])("%s, as a folder and as a zip", async (dir, expected) => {
    const folder = path.join(SAMPLES, dir);
    for (const input of [folder, await archiverZip(await readFolder(folder))]) {
      const source = await open(input);
      expect(await findLaunch(source)).toMatchObject(expected);
      await source.close();
    }
  });

  it("takes the default organization's first launchable item, with xml:base and the item's parameters", async () => {
    const manifest = MANIFEST_12(
      '<resource identifier="r2" type="webcontent" adlcp:scormtype="sco" xml:base="sco/" href="start.html?lang=en"/>',
      ' parameters="?page=2"',
    );
    const source = await open(
      await archiverZip({ "course/imsmanifest.xml": manifest, "course/sco/start.html": "<p>", "course/a.html": "<p>" }),
    );
    expect(await findLaunch(source)).toMatchObject({
      standard: "scorm12",
      title: "This one",
      launch: "course/sco/start.html?lang=en&page=2",
    });
  });

  it("refuses a package with nothing to launch", async () => {
    await expect(findLaunch(await open(await archiverZip({ "readme.txt": "hello" })))).rejects.toThrow(
      /nothing to launch/,
    );
  });

  describe("on Coursepack's own packages", () => {
    let session: BuildSession;
    beforeAll(async () => {
      const dir = path.join(await tempDir("launch"), "course");
      await copyStarter(dir);
      session = new BuildSession(dir);
    });

    it("cmi5: the AU, its moveOn and masteryScore", async () => {
      const built = await session.build("cmi5");
      expect(await findLaunch(memorySource(built.files))).toEqual({
        standard: "cmi5",
        edition: null,
        title: "Course",
        launch: "index.html",
        courseId: "https://example.com/courses/course",
        auId: "https://example.com/courses/course/au",
        moveOn: "CompletedAndPassed",
        masteryScore: 0.8,
        launchParameters: undefined,
      });
    });

    it("xAPI and web, the web package named by its page's title", async () => {
      expect(await findLaunch(memorySource((await session.build("xapi")).files))).toMatchObject({
        standard: "xapi",
        activityId: "https://example.com/courses/course",
        launch: "index.html",
      });
      // A website has no manifest to name it: its page's <title> does.
      expect(await findLaunch(memorySource((await session.build("web")).files))).toEqual({
        standard: "web",
        edition: null,
        title: "Course",
        launch: "index.html",
      });
    });
  });
});

describe("SCORM learner records", () => {
  const settings: LaunchSettings = {
    learner: { id: "u1", given: "Jane", family: "Doe" },
    mode: "browse",
    credit: false,
    masteryScore: 80,
  };

  it("SCORM 1.2: the SCO reads the learner, mode, credit and mastery score the LMS set", () => {
    const lms = new ScormLms({ standard: "scorm12", cmi: firstSession("scorm12", settings) });
    expect(lms.api.LMSInitialize!("")).toBe("true");
    const read = (e: string) => lms.api.LMSGetValue!(e);
    expect(
      [
        "cmi.core.student_id",
        "cmi.core.student_name",
        "cmi.core.entry",
        "cmi.core.lesson_mode",
        "cmi.core.credit",
        "cmi.student_data.mastery_score",
      ].map(read),
    ).toEqual(["u1", "Doe, Jane", "ab-initio", "browse", "no-credit", "80"]);
  });

  it("SCORM 2004: settings apply on top of the previous session, and a cleared mastery score is removed", () => {
    const first = new ScormLms({ standard: "scorm2004", cmi: firstSession("scorm2004", settings) });
    first.api.Initialize!("");
    expect(first.api.GetValue!("cmi.scaled_passing_score")).toBe("0.8");
    first.api.SetValue!("cmi.location", "lesson-2");
    first.api.SetValue!("cmi.exit", "suspend");
    first.api.Terminate!("");
    const next = new ScormLms({
      standard: "scorm2004",
      cmi: withSettings(first.nextSession(), "scorm2004", {
        ...settings,
        mode: "normal",
        credit: true,
        masteryScore: null,
      }),
    });
    next.api.Initialize!("");
    const read = (e: string) => next.api.GetValue!(e);
    expect(["cmi.entry", "cmi.location", "cmi.mode", "cmi.credit", "cmi.learner_name"].map(read)).toEqual([
      "resume",
      "lesson-2",
      "normal",
      "credit",
      "Jane Doe",
    ]);
    expect(read("cmi.scaled_passing_score")).toBe("");
  });
});

describe("the panel's SCORM data model", () => {
  it("shows statuses, score, interactions, and flags suspend_data over the 1.2 limit", () => {
    const lms = new ScormLms({
      standard: "scorm12",
      cmi: firstSession("scorm12", {
        learner: { id: "u", given: "A", family: "B" },
        mode: "normal",
        credit: true,
        masteryScore: null,
      }),
    });
    const set = lms.api.LMSSetValue!;
    lms.api.LMSInitialize!("");
    set("cmi.core.score.raw", "75");
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.lesson_status", "failed");
    set("cmi.interactions.0.id", "q1");
    set("cmi.interactions.0.type", "choice");
    set("cmi.interactions.0.student_response", "b");
    set("cmi.interactions.0.result", "wrong");
    set("cmi.suspend_data", "x".repeat(4097));
    const summary = summarizeScorm("scorm12", "1.2", lms.cmi());
    const row = (key: string) => summary.rows.find((r) => r.key === key);
    expect(row("status")?.value).toBe("failed");
    expect(row("score")?.value).toBe("75 (min 0, max 100)");
    expect(row("suspend-data")).toMatchObject({
      value: "4,097 of 4,096 characters (100 %)",
      problem: expect.stringContaining("limit"),
    });
    expect(summary.interactions).toEqual([{ id: "q1", type: "choice", result: "wrong", response: "b", correct: "" }]);
  });

  it("uses the edition's suspend_data limit for SCORM 2004", () => {
    const lms = new ScormLms({ standard: "scorm2004" });
    lms.api.Initialize!("");
    expect(summarizeScorm("scorm2004", "2004 4th Edition", lms.cmi()).suspendData.limit).toBe(64000);
    expect(summarizeScorm("scorm2004", "2004 2nd Edition", lms.cmi()).suspendData.limit).toBe(4000);
  });
});
