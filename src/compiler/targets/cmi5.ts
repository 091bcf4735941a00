/**
 * cmi5: `cmi5.xml` at the zip root (checklist #1, #70) with the course and one AU whose relative URL
 * is index.html. Like every package, it is validated (CourseStructure.xsd included) before the
 * build replaces any output, so a package an LMS would refuse is never written.
 */
import type { MoveOn } from "../../shared/cmi5-contract.js";
import type { CompletionRule } from "../../shared/course-data.js";
import type { CourseModel } from "../model/index.js";
import { auId, warnDefaultActivityId } from "./activity-ids.js";
import type { Target } from "./target.js";
import { escapeXml } from "./xml.js";

/** What the LMS should require of a course with a graded quiz, by the course's completion rule. */
const MOVE_ON_WHEN_GRADED: Record<CompletionRule, MoveOn> = {
  lessons: "CompletedAndPassed",
  quiz: "Passed",
  "lessons-and-quiz": "CompletedAndPassed",
};

/** What the LMS should require, following the course's own completion rule. */
export function moveOnFor(model: CourseModel): MoveOn {
  const graded = model.questions.some(
    (q) => q.graded && model.pages.some((p) => p.kind === "quiz" && p.id === q.parent),
  );
  return graded ? MOVE_ON_WHEN_GRADED[model.completion] : "Completed";
}

/**
 * The masteryScore the LMS hands back at launch replaces every quiz's pass mark (the LMS's wins,
 * checklist #24), so it is declared only when all graded quizzes already use the course's pass mark.
 */
export function masteryScoreFor(model: CourseModel): number | undefined {
  if (moveOnFor(model) === "Completed") return undefined;
  const quizzes = model.pages.filter((p) => p.kind === "quiz");
  const same = quizzes.every((q) => q.kind === "quiz" && q.settings.passingScore === model.config.passingScore);
  return same ? Math.round(model.config.passingScore * 100) / 10000 : undefined;
}

function text(lang: string, value: string, indent: string): string {
  return `${indent}<langstring lang="${escapeXml(lang)}">${escapeXml(value)}</langstring>`;
}

export function cmi5Xml(model: CourseModel): string {
  const { config } = model;
  const lang = config.language;
  const mastery = masteryScoreFor(model);
  // The course and its one AU share the course's title and description.
  const labels = `    <title>
${text(lang, config.title, "      ")}
    </title>
    <description>
${text(lang, config.description, "      ")}
    </description>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(model.activityId)}">
${labels}
  </course>
  <au id="${escapeXml(auId(model))}" moveOn="${moveOnFor(model)}"${mastery === undefined ? "" : ` masteryScore="${mastery}"`} launchMethod="AnyWindow">
${labels}
    <url>index.html</url>
  </au>
</courseStructure>
`;
}

export const cmi5: Target = {
  id: "cmi5",
  label: "cmi5",
  runtime: "cmi5",
  files: ({ model }) => [{ name: "cmi5.xml", content: cmi5Xml(model) }],
  schema: { file: "cmi5.xml", set: "cmi5" },
  check: (model, _data, diagnostics) => warnDefaultActivityId(model, diagnostics),
};
