/**
 * `coursepack diff`: what changed between two builds of a course (zips, package folders or course
 * folders) and, for each LMS, whether the new package can replace the old one in place:
 * - replace-safe, learners keep progress;
 * - replace-safe, but saved answers to changed questions are dropped;
 * - structural: upload as a new version (the LMS would not accept the package in place, or would
 *   lose learners' progress).
 */
import type { FormatId } from "../shared/course-data.js";
import { type Change, compareCourses } from "./compare-course.js";
import { LMS_IDS, LMS_UPDATES, type LmsId } from "./lms-updates.js";
import { MANIFEST_CHANGE_LABELS, type ManifestChange, manifestChanges } from "./manifest-changes.js";
import { type BuildChoice, type Snapshot, snapshots } from "./snapshot.js";

export type Verdict = "keeps-progress" | "drops-changed-answers" | "new-version";

export const VERDICT_TEXT: Record<Verdict, string> = {
  "keeps-progress": "replace-safe, learners keep progress",
  "drops-changed-answers": "replace-safe, but saved answers to changed questions are dropped",
  "new-version": "structural: upload as a new version",
};

export interface SideSummary {
  path: string;
  kind: Snapshot["kind"];
  format: FormatId;
  /** Course language, for Coursepack builds. */
  language?: string;
  /** Course version and content hash, for Coursepack builds. */
  version?: string;
  content?: string;
}

export interface ManifestDiff {
  file: string;
  identical: boolean;
  changes: ManifestChange[];
}

export interface DiffReport {
  old: SideSummary;
  new: SideSummary;
  manifests: ManifestDiff[];
  changes: Change[];
  /** Learners with saved progress lose saved answers to some questions, whatever the LMS. */
  dropsAnswers: boolean;
  /** False when either side is not a Coursepack build: only manifests and files were compared. */
  contentCompared: boolean;
  lms: Record<LmsId, { verdict: Verdict; because: ManifestChange[] }>;
}

function summary(s: Snapshot): SideSummary {
  return {
    path: s.label,
    kind: s.kind,
    format: s.format,
    ...(s.data ? { language: s.data.language } : {}),
    ...(s.stamp ? { version: s.stamp.version, content: s.stamp.content } : {}),
  };
}

function compareManifests(a: Snapshot, b: Snapshot): ManifestDiff[] {
  const names = [...new Set([...Object.keys(a.manifests), ...Object.keys(b.manifests)])].sort();
  return names.map((file) => {
    const [before, after] = [a.manifests[file], b.manifests[file]];
    const changes: ManifestChange[] =
      before === undefined || after === undefined ? ["edition"] : manifestChanges(before, after);
    return { file, identical: changes.length === 0, changes };
  });
}

function compareFiles(a: Snapshot, b: Snapshot): Change[] {
  const [before, after] = [new Set(a.files), new Set(b.files)];
  const added = b.files.filter((f) => !before.has(f));
  const removed = a.files.filter((f) => !after.has(f));
  if (!added.length && !removed.length) return [];
  const list = (verb: string, files: string[]) => (files.length ? [`${verb} ${files.join(", ")}`] : []);
  return [
    {
      kind: "files",
      message: `files ${[...list("added:", added), ...list("removed:", removed)].join("; ")}`,
      dropsAnswers: false,
    },
  ];
}

export function diffSnapshots(a: Snapshot, b: Snapshot): DiffReport {
  const manifests = compareManifests(a, b);
  const changes: Change[] = [];
  if (a.format !== b.format)
    changes.push({ kind: "format", message: `format ${a.format} → ${b.format}`, dropsAnswers: false });
  for (const m of manifests.filter((m) => !m.identical)) {
    const kinds = m.changes.map((c) => MANIFEST_CHANGE_LABELS[c]).join("; ");
    changes.push({ kind: "manifest", message: `${m.file} changed (structural): ${kinds}`, dropsAnswers: false });
  }
  changes.push(...compareFiles(a, b));
  const contentCompared = Boolean(a.data && b.data);
  if (a.data && b.data) changes.push(...compareCourses(a.data, b.data, [a.stamp, b.stamp]));
  const dropsAnswers = changes.some((c) => c.dropsAnswers);
  const changed = new Set(manifests.flatMap((m) => m.changes));
  const lms = Object.fromEntries(
    LMS_IDS.map((id) => {
      const because = LMS_UPDATES[id].newVersionWhen.filter((c) => changed.has(c));
      const verdict: Verdict = because.length
        ? "new-version"
        : dropsAnswers
          ? "drops-changed-answers"
          : "keeps-progress";
      return [id, { verdict, because }];
    }),
  ) as DiffReport["lms"];
  return { old: summary(a), new: summary(b), manifests, changes, dropsAnswers, contentCompared, lms };
}

export async function diffCourses(before: string, after: string, choice: BuildChoice = {}): Promise<DiffReport> {
  const [a, b] = await snapshots(before, after, choice);
  return diffSnapshots(a, b);
}
