/**
 * How each LMS takes an updated package, as data with its sources: which manifest changes stop it
 * from replacing the package in place without losing learners' progress. `coursepack diff` turns
 * these into a verdict per LMS (verdict.ts); docs/updating-courses.md explains them.
 *
 * Keyed by the LMS profile names of `--lms` (every profile in profiles/, test/unit/diff.test.ts
 * checks), plus SumTotal, Learning Pool and Fuse, whose vendor pages document their update rules.
 * Where no vendor statement was found the rule is the strictest one documented (Cornerstone, SCORM
 * Cloud: the manifest must be identical) and `verified` is false (Totara's is inferred from
 * Moodle's code instead): a content-only edit is safe everywhere, anything else is reported as
 * needing a new version until someone checks that LMS.
 */
import type { ManifestChange } from "./manifest-changes.js";

export const LMS_IDS = [
  "generic",
  "moodle",
  "totara",
  "learning-pool",
  "scorm-cloud",
  "cornerstone",
  "sumtotal",
  "successfactors",
  "workday",
  "docebo",
  "talentlms",
  "360learning",
  "absorb",
  "learnupon",
  "canvas",
  "forma",
  "chamilo",
  "learnworlds",
  "open-edx",
  "fuse",
] as const;

export type LmsId = (typeof LMS_IDS)[number];

export interface UpdateBehaviour {
  name: string;
  /** Manifest changes after which the package must be uploaded as a new version (or activity). */
  newVersionWhen: readonly ManifestChange[];
  /** What replacing the package in place does, in one sentence. */
  replace: string;
  /** Where the rule comes from (vendor help pages, LMS source code). */
  sources: readonly string[];
  /** False when no vendor statement was found and the strictest documented rule is assumed. */
  verified: boolean;
}

/** Any change to the manifest: the rule of LMSs that replace files only under an identical manifest. */
const ANY: readonly ManifestChange[] = ["identifiers", "launch", "edition", "metadata", "files", "tracking", "other"];

/** Progress follows the SCO identifier; a different edition is treated as a new package to be safe. */
const SAME_SCO: readonly ManifestChange[] = ["identifiers", "edition"];

const UNVERIFIED = (name: string): UpdateBehaviour => ({
  name,
  newVersionWhen: ANY,
  replace: `No ${name} statement on replacing a package was found; the strictest documented rule is assumed (an identical manifest).`,
  sources: [],
  verified: false,
});

export const LMS_UPDATES: Record<LmsId, UpdateBehaviour> = {
  generic: {
    ...UNVERIFIED("an unknown LMS"),
    name: "Any LMS",
    replace: "Assumes the strictest documented rule: files are replaced in place only under an identical manifest.",
  },
  moodle: {
    name: "Moodle",
    newVersionWhen: SAME_SCO,
    replace:
      "Updating the package re-reads the manifest and moves every learner's tracks to the SCO with the same identifier; tracks of SCOs whose identifier is gone are deleted.",
    sources: ["github.com/moodle/moodle mod/scorm/datamodels/scormlib.php (scorm_parse_scorm: olditems → newid)"],
    verified: true,
  },
  totara: {
    name: "Totara",
    newVersionWhen: SAME_SCO,
    replace: "Totara Learn's SCORM activity is Moodle's mod_scorm; it is assumed to keep tracks the same way.",
    sources: ["github.com/moodle/moodle mod/scorm/datamodels/scormlib.php"],
    verified: false,
  },
  "learning-pool": {
    name: "Learning Pool",
    newVersionWhen: ANY,
    replace:
      "Replace the package for a text-only change; after a structural change, add it as a new activity and hide the old one. (The guidance is written for Adapt, whose saved state is positional; Coursepack's is keyed by ids, but a changed manifest is treated as structural.)",
    sources: ["learningpool.zendesk.com/hc/en-us/articles/20221093311261"],
    verified: true,
  },
  "scorm-cloud": {
    name: "SCORM Cloud",
    newVersionWhen: ANY,
    replace:
      "Overwriting a course updates its files, but resets registrations when imsmanifest.xml changed; a new version keeps existing registrations on the old version by default, and moving them loses their progress.",
    sources: [
      "scorm.com/scorm-solved/scorm-cloud/scorm-cloud-tour-library/scorm-cloud-versioning/",
      "support.scorm.com/hc/en-us/articles/206163676-SCORM-Cloud-Versioning-Feature",
      "cloud.scorm.com/docs/v2/guides/versioning",
    ],
    verified: true,
  },
  cornerstone: {
    name: "Cornerstone",
    newVersionWhen: ANY,
    replace:
      'Course Publisher\'s "Replace publication files" needs an identical file structure and manifest; the newer Content Uploader\'s "Modify Content" also accepts a changed mastery score, launch URL, file list, title, description, keywords or duration.',
    sources: [
      "help.csod.com/help/csod_0/Content/Content/Course_Publisher/Modify_Published_Courses.htm",
      "help.csod.com/help/csod_0/Content/Content/Content_Uploader/Online_Course_Versioning/Modify_an_Online_Course.htm",
    ],
    verified: true,
  },
  sumtotal: {
    name: "SumTotal",
    newVersionWhen: SAME_SCO,
    replace:
      "Content replacement needs the same SCORM edition; a new course (course code) does not honour previous completions.",
    sources: ["desitsupport4u.des.wa.gov/hc/en-us/articles/1500005517102"],
    verified: true,
  },
  successfactors: {
    ...UNVERIFIED("SuccessFactors"),
    replace:
      "New content goes in through an item revision; how in-progress learners carry over is not documented, so an identical manifest is assumed.",
    sources: ["userapps.support.sap.com/sap/support/knowledge/en/2075363"],
  },
  workday: UNVERIFIED("Workday"),
  docebo: UNVERIFIED("Docebo"),
  talentlms: UNVERIFIED("TalentLMS"),
  "360learning": UNVERIFIED("360Learning"),
  absorb: {
    ...UNVERIFIED("Absorb"),
    replace:
      "A replaced lesson keeps enrolment history, but in-progress learners are prompted to start the new lesson; an identical manifest is assumed for replacing files.",
    sources: ["support.absorblms.com/hc/en-us/articles/21203608113299"],
  },
  learnupon: {
    name: "LearnUpon",
    newVersionWhen: SAME_SCO,
    replace:
      "Replace content swaps a SCORM or Tin Can module in place; learners keep their progress unless the admin chooses a restart.",
    sources: ["support.learnupon.com/hc/en-us/articles/26992585729693"],
    verified: true,
  },
  canvas: UNVERIFIED("Canvas"),
  forma: UNVERIFIED("Forma LMS"),
  chamilo: UNVERIFIED("Chamilo"),
  learnworlds: UNVERIFIED("LearnWorlds"),
  "open-edx": UNVERIFIED("Open edX"),
  fuse: {
    name: "Fuse",
    newVersionWhen: ANY,
    replace:
      "SCORM 1.2 only. A course overwritten with a different structure errors when it loads a learner's suspend data saved against the old imsmanifest.xml.",
    sources: [
      "fuseuniversal.atlassian.net/wiki/pages/diffpagesbyversion.action?pageId=2361753634 (suspend data, issue 2)",
    ],
    verified: true,
  },
};
