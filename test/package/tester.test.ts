/**
 * LMS profiles and `coursepack test`, run from the packed and installed package: `lms` lists and
 * prints profiles, `build --lms` builds what the LMS imports, and `test` drives robot learners in
 * the installed Chromium against the profile's LMS simulation — a Coursepack course passes, the
 * packages of test/fixtures/lms-broken/ fail under the LMS that punishes their mistake (and pass
 * under generic), and the conformance samples report their launch without false failures.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureProgram, FIREFOX, WEBKIT_WEBDRIVER, XVFB } from "../support/debian.js";
import { installed, scratch } from "./installed.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const HYPHENS = path.join(FIXTURES, "lms-broken", "hyphen-patterns-2004");
const STATUS_FIRST = path.join(FIXTURES, "lms-broken", "status-before-score-12");
const BLOCKS = path.join(FIXTURES, "courses", "blocks");
/** The default course: English and German. */
const DEFAULT_COURSE = path.resolve(import.meta.dirname, "../../content");
const GOLF = path.join(FIXTURES, "conformance-samples", "scorm2004", "ContentPackagingSingleSCO_SCORM20043rdEdition");
// A course run is 7 scenarios of a few seconds each; a loaded two-core machine stretches that tenfold.
const TEST_TIMEOUT = 900_000;

let course = "";

beforeAll(async () => {
  course = path.join(await scratch("tester"), "course");
  expect((await installed("new", course)).code).toBe(0);
});

describe("the installed coursepack lms", () => {
  it("lists the profiles and prints one in full with its sources", async () => {
    const list = await installed("lms");
    expect(list.code).toBe(0);
    for (const id of ["generic", "moodle", "successfactors", "docebo", "forma", "canvas"])
      expect(list.stdout).toMatch(new RegExp(`^  ${id} `, "m"));
    const one = await installed("lms", "docebo");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("SCORM 2004 3rd edition");
    expect(one.stdout).toMatch(/https:\/\/\S*docebo/);
    const unknown = await installed("lms", "moodel");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("moodle");
  });
});

describe("the installed coursepack build --lms", () => {
  it("builds only what the LMS imports, in its SCORM 2004 edition", async () => {
    const out = path.join(await scratch("dist"), "dist");
    const built = await installed("build", course, "--lms", "docebo", "--no-folders", "--out", out);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/warning: "cmi5" is left out: Docebo does not import cmi5/);
    expect((await readdir(out)).sort()).toEqual(
      ["course-scorm12.zip", "course-scorm2004.zip", "course-web.zip", "course-xapi.zip"].sort(),
    );
    const checked = await installed("validate", path.join(out, "course-scorm2004.zip"), "--lms", "docebo");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("SCORM 2004 3rd Edition");
  });
});

describe("the installed coursepack test", () => {
  it(
    "a course passes every scenario in Moodle's simulation, with JUnit XML and an HTML report",
    async () => {
      const dir = await scratch("report");
      const junit = path.join(dir, "junit.xml");
      const report = path.join(dir, "report");
      const run = await installed(
        "test",
        course,
        "--lms",
        "moodle",
        "--format",
        "scorm2004",
        "--junit",
        junit,
        "--report",
        report,
      );
      expect(run.stdout).toContain("coursepack test for Moodle");
      expect(run.stdout).toMatch(/All \d+ scenarios on 1 package for Moodle passed/);
      expect(run.code).toBe(0);
      for (const scenario of [
        "Passes the course (frame)",
        "Passes the course (popup)",
        "Fails with every attempt used",
        "Leaves mid-quiz, resumes in a fresh browser",
        "A commit fails, then the LMS recovers",
      ])
        expect(run.stdout).toContain(scenario);
      const xml = await readFile(junit, "utf8");
      expect(xml).toMatch(
        /<testsuites name="coursepack test --lms moodle \(Chromium [\d.]+\)" tests="\d+" failures="0"/,
      );
      expect(xml.match(/<testcase /g)?.length).toBeGreaterThanOrEqual(7);
      const html = await readFile(path.join(report, "index.html"), "utf8");
      expect(html).toContain("course-scorm2004.zip");
      expect(html).toMatch(/SetValue\(&quot;cmi\.score\.scaled&quot;|SetValue\("cmi\.score\.scaled"/);
      const shots = await readdir(path.join(report, "screenshots"));
      // A screenshot per scenario whose window is still open at its end (a killed tab has none).
      expect(shots.length).toBeGreaterThanOrEqual(5);
      for (const shot of shots) expect(html).toContain(`screenshots/${shot}`);
      // The background-tab learner is on a phone: the picture is a phone screen wide (PNG IHDR).
      const phone = shots.find((shot) => shot.includes("background"));
      expect(phone).toBeDefined();
      expect((await readFile(path.join(report, "screenshots", phone!))).readUInt32BE(16)).toBe(390);
    },
    TEST_TIMEOUT,
  );

  it(
    "finishes what lessons require (cards, a branching scenario, a video) before the course completes",
    async () => {
      // The blocks fixture's quiz opens only once its lessons are done, and one lesson holds a
      // YouTube frame of its own: the robot must find the course's frame, not the video's.
      // The background tab is a phone's: the robot finds the page list behind the menu button.
      const run = await installed(
        "test",
        BLOCKS,
        "--format",
        "scorm2004,cmi5",
        "--only",
        "pass,resume,background",
        "--concurrency",
        "2",
        "--no-report",
      );
      expect(run.stdout).toMatch(/All \d+ scenarios on 2 packages for .* passed/);
      expect(run.stdout).toContain("blocks-cmi5.zip · Leaves mid-quiz, resumes in a fresh browser (frame)");
      expect(run.stdout).toContain("blocks-cmi5.zip · Tab backgrounded, then killed (mobile) (frame)");
      expect(run.code).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    "runs every scenario for the course's second language too with --every-language",
    async () => {
      const run = await installed(
        "test",
        DEFAULT_COURSE,
        "--format",
        "scorm12",
        "--only",
        "resume",
        "--every-language",
        "--no-report",
      );
      // Without the option the German package gets the pass only, so no resume of it would run.
      expect(run.stdout).toContain(
        "sales-manager-training-de-scorm12.zip · Leaves mid-quiz, resumes in a fresh browser",
      );
      expect(run.stdout).toContain("sales-manager-training-scorm12.zip · Leaves mid-quiz, resumes in a fresh browser");
      expect(run.code).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    "fails hyphenated SCORM 2004 responses under moodle, saying what Moodle refuses and why",
    async () => {
      const run = await installed("test", HYPHENS, "--lms", "moodle", "--no-report");
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /Values the LMS refused: expected none, recorded SetValue\("cmi\.interactions\.0\.correct_responses\.0\.pattern", "opt-a\[,\]opt-b"\) → false, error 406/,
      );
      expect(run.stdout).toContain("Moodle answers these with an error and keeps none of them");
      expect(run.stdout).toContain("mod/scorm");
    },
    TEST_TIMEOUT,
  );

  it(
    "fails a SCO without completionSetByContent under successfactors, and status before score under cornerstone",
    async () => {
      const sf = await installed("test", HYPHENS, "--lms", "successfactors", "--no-report");
      expect(sf.code).toBe(1);
      expect(sf.stdout).toMatch(
        /SAP SuccessFactors Learning accepts the upload: expected none, recorded .*completionSetByContent/,
      );
      const csod = await installed("test", STATUS_FIRST, "--lms", "cornerstone", "--no-report", "--only", "launch");
      expect(csod.code).toBe(1);
      expect(csod.stdout).toContain("Score kept by the LMS: expected the score the package wrote, recorded 0");
      expect(csod.stdout).toContain("Write the score before the status.");
    },
    TEST_TIMEOUT,
  );

  it(
    "passes the same packages under generic, and reports a conformance sample's launch without failing it",
    async () => {
      const run = await installed("test", HYPHENS, STATUS_FIRST, GOLF, "--no-report");
      expect(run.stdout).toMatch(/All \d+ scenarios on 3 packages for Any LMS \(generic\) passed/);
      expect(run.code).toBe(0);
      // The golf sample never looks for the API: a warning (content without tracking), not a failure.
      expect(run.stdout).toMatch(/✓ ContentPackagingSingleSCO_SCORM20043rdEdition · Launches and reports \(frame\) ⚠/);
    },
    TEST_TIMEOUT,
  );

  it(
    "runs the same scenarios in Firefox and in WebKit (--browser), the engines learners also use",
    async () => {
      // Installed where the command looks for them (Debian's paths), as for the engines' e2e tests.
      for (const program of [FIREFOX, WEBKIT_WEBDRIVER, XVFB]) ensureProgram(program);
      for (const [browser, engine] of [
        ["firefox", /\(Firefox [\d.]+\)/],
        ["webkit", /\(.*WebKit.*\)/],
      ] as const) {
        const run = await installed(
          "test",
          course,
          "--browser",
          browser,
          "--format",
          "scorm12,xapi",
          "--only",
          "pass,background",
          "--no-report",
        );
        expect(run.stdout, browser).toMatch(/All \d+ scenarios on 2 packages for Any LMS \(generic\) passed/);
        expect(run.stdout, browser).toMatch(engine);
        expect(run.code, browser).toBe(0);
      }
    },
    TEST_TIMEOUT,
  );

  it("refuses an unknown browser and LMS with a usage error", async () => {
    const browser = await installed("test", HYPHENS, "--browser", "opera");
    expect(browser.code).not.toBe(0);
    expect(browser.stderr).toMatch(/chromium, firefox or webkit|chromium, firefox, webkit/);
    const lms = await installed("test", HYPHENS, "--lms", "blackbored");
    expect(lms.code).not.toBe(0);
    expect(lms.stderr).toContain(`unknown LMS "blackbored"`);
    const concurrency = await installed("test", HYPHENS, "--concurrency", "0");
    expect(concurrency.code).not.toBe(0);
    expect(concurrency.stderr).toContain('--concurrency takes a whole number of scenarios, not "0"');
  });
});
