/**
 * Every kind of edit an author makes to a live course (issue 14), applied to the update-drill
 * fixture (test/fixtures/courses/updates): each gives version 2 of the course next to version 1.
 * The diff tests judge each pair; the browser tests resume version 1's saved state in version 2.
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { FIXTURES, tempDir } from "./build.js";

export const BASE_COURSE = path.join(FIXTURES, "courses", "updates");

export const EDIT_KINDS = [
  "text",
  "lesson-added",
  "lesson-removed",
  "lessons-reordered",
  "lesson-split",
  "question-added",
  "question-removed",
  "question-reworded",
  "answer-key",
  "draw-size",
  "pass-mark",
] as const;

export type EditKind = (typeof EDIT_KINDS)[number];

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(file, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  await writeFile(file, after);
}

const replace = (from: string, to: string) => (text: string) => text.replace(from, to);

const OUTLINE = `outline:
  - lessons/01-basics.md
  - lessons/02-practice.md
  - lessons/03-wrap-up.md
  - quizzes/final.yml
`;

const EDITS: Record<EditKind, (dir: string) => Promise<void>> = {
  text: (dir) => edit(path.join(dir, "lessons/01-basics.md"), replace("a clear reason", "a clear and written reason")),
  "lesson-added": async (dir) => {
    await writeFile(
      path.join(dir, "lessons/04-extra.md"),
      "---\ntitle: Extra\nminutes: 1\n---\n\nA lesson added in version 2.\n",
    );
    await edit(
      path.join(dir, "course.yml"),
      replace("  - quizzes/final.yml", "  - lessons/04-extra.md\n  - quizzes/final.yml"),
    );
  },
  "lesson-removed": async (dir) => {
    await edit(path.join(dir, "course.yml"), replace("  - lessons/02-practice.md\n", ""));
    await rm(path.join(dir, "lessons/02-practice.md"));
  },
  "lessons-reordered": (dir) =>
    edit(
      path.join(dir, "course.yml"),
      replace(
        OUTLINE,
        "outline:\n  - lessons/03-wrap-up.md\n  - lessons/02-practice.md\n  - lessons/01-basics.md\n  - quizzes/final.yml\n",
      ),
    ),
  // The first half keeps the file (and so the id); the second half is a new lesson.
  "lesson-split": async (dir) => {
    const file = path.join(dir, "lessons/02-practice.md");
    const text = await readFile(file, "utf8");
    const cut = text.indexOf("## Uploading");
    await writeFile(file, text.slice(0, cut));
    await writeFile(
      path.join(dir, "lessons/02b-uploading.md"),
      `---\ntitle: Uploading\nminutes: 1\n---\n\n${text.slice(cut)}`,
    );
    await edit(
      path.join(dir, "course.yml"),
      replace("  - lessons/02-practice.md\n", "  - lessons/02-practice.md\n  - lessons/02b-uploading.md\n"),
    );
  },
  "question-added": (dir) =>
    edit(
      path.join(dir, "quizzes/final.yml"),
      (t) => `${t}  - id: q5\n    type: true-false\n    prompt: Version 2 added this question.\n    answer: true\n`,
    ),
  "question-removed": (dir) =>
    edit(
      path.join(dir, "quizzes/final.yml"),
      replace(
        "  - id: q2\n    type: true-false\n    prompt: A typo fix changes the manifest.\n    answer: false\n",
        "",
      ),
    ),
  "question-reworded": (dir) =>
    edit(
      path.join(dir, "quizzes/final.yml"),
      replace('for "replace files" to work?', 'so that an LMS can "replace files"?'),
    ),
  "answer-key": (dir) =>
    edit(
      path.join(dir, "quizzes/final.yml"),
      replace(
        "        text: The manifest\n        correct: true\n      - id: index\n        text: The launch page\n",
        "        text: The manifest\n      - id: index\n        text: The launch page\n        correct: true\n",
      ),
    ),
  "draw-size": (dir) =>
    edit(path.join(dir, "quizzes/final.yml"), replace("feedback: end\n", "feedback: end\ndraw: 3\n")),
  "pass-mark": (dir) => edit(path.join(dir, "course.yml"), replace("passingScore: 75", "passingScore: 90")),
};

/** A copy of the base course (version 1), or of version 2 after one kind of edit. */
export async function courseVersion(kind?: EditKind): Promise<string> {
  const dir = path.join(await tempDir(`update-${kind ?? "v1"}`), "course");
  await cp(BASE_COURSE, dir, { recursive: true });
  if (kind) {
    await EDITS[kind](dir);
    await edit(path.join(dir, "course.yml"), replace("version: 1.0.0", "version: 2.0.0"));
  }
  return dir;
}

/** Lesson 3 with interactive blocks: tabs and a scenario (opening → explore → an ending). */
const BLOCKS_LESSON = `---
title: Wrap-up
minutes: 1
---

You now know how to update a course without losing a learner's progress.

::: tabs Checklist {#checklist}
### Before
Diff the versions.
### After
Tell the learners.
:::

\`\`\`scenario
id: chat
title: A learner asks about their progress
weight: 0
nodes:
  opening:
    text: Will I lose my progress?
    choices:
      - text: Let me check what changed.
        to: explore
  explore:
    text: Only a typo was fixed.
    choices:
      - text: Then you keep everything.
        to: kept
  kept:
    text: Good.
    ending: {}
\`\`\`
`;

/**
 * The course with blocks in lesson 3: version 1, or version 2 where the tabs are gone and the
 * scenario's middle node has a new id (so a learner standing on it cannot be placed there).
 */
export async function blocksCourseVersion(version: 1 | 2): Promise<string> {
  const dir = path.join(await tempDir(`update-blocks-v${version}`), "course");
  await cp(BASE_COURSE, dir, { recursive: true });
  const lesson =
    version === 1
      ? BLOCKS_LESSON
      : BLOCKS_LESSON.replace(/::: tabs[\s\S]*?\n:::\n/, "").replaceAll("explore", "dig-in");
  await writeFile(path.join(dir, "lessons/03-wrap-up.md"), lesson);
  if (version === 2) await edit(path.join(dir, "course.yml"), replace("version: 1.0.0", "version: 2.0.0"));
  return dir;
}
