/**
 * GIFT questions → Coursepack questions (the authoring shapes of src/compiler/questions/). What our
 * schema cannot say is never dropped quietly: a question is either converted as it is, converted
 * with a simplification that `note` reports, or skipped with the reason.
 */
import type { QuestionType } from "../../shared/course-data.js";
import { questionSchema, kindOf } from "../../compiler/questions/index.js";
import type { GiftAnswer, GiftNumericAnswer, GiftPair, GiftQuestion, GiftText } from "./ast.js";
import { BLANK } from "./ast.js";
import { escapeMarkdown, plainOf, toMarkdown } from "./markdown.js";

export type Note = (at: number, message: string) => void;

/** A question in our YAML shape, keys in the order an author reads them. */
export type AuthoredQuestion = { type: QuestionType; prompt: string } & Record<string, unknown>;

export type Converted = { question: AuthoredQuestion } | { skipped: string };

const SKIPPED_KINDS = {
  description: "text without answers (a Moodle description) has no place in a quiz; put it in a lesson",
  essay: "essay questions need a person to grade them; Coursepack quizzes are scored automatically",
};

type Gradable = Exclude<GiftQuestion, { kind: keyof typeof SKIPPED_KINDS }>;

/** Notes are reported only for questions that are written: a skipped question gets its reason alone. */
export function convertQuestion(q: GiftQuestion, note: Note): Converted {
  if (q.kind === "description" || q.kind === "essay") return { skipped: SKIPPED_KINDS[q.kind] };
  if (q.stem.text.replace(BLANK, "").trim() === "") return { skipped: "the question has no text" };
  const notes: [number, string][] = [];
  const noteLater: Note = (at, message) => notes.push([at, message]);
  const md = (t: GiftText, inline = false): string => {
    const { markdown, lost } = toMarkdown(t, inline);
    if (lost.length > 0) noteLater(t.at, `HTML simplified to Markdown; not carried over: ${lost.join(", ")}`);
    return markdown;
  };

  const prompt = md(q.stem);
  const explanation = q.generalFeedback ? md(q.generalFeedback) : undefined;
  const body = convertAnswers(q, md, noteLater);
  if ("skipped" in body) return body;
  const { type, fields, feedback } = body;
  const question = {
    type,
    prompt,
    ...fields,
    ...(feedback && Object.keys(feedback).length > 0 ? { feedback } : {}),
    ...(explanation ? { explanation } : {}),
  } as AuthoredQuestion;
  const verified = verify(question);
  if ("question" in verified) for (const [at, message] of notes) note(at, message);
  return verified;
}

type Md = (t: GiftText, inline?: boolean) => string;
type Body =
  | { type: QuestionType; fields: Record<string, unknown>; feedback?: { correct?: string; incorrect?: string } }
  | { skipped: string };

function convertAnswers(q: Gradable, md: Md, note: Note): Body {
  switch (q.kind) {
    case "true-false":
      return {
        type: "true-false",
        fields: { answer: q.answer },
        feedback: {
          ...(q.rightFeedback ? { correct: md(q.rightFeedback) } : {}),
          ...(q.wrongFeedback ? { incorrect: md(q.wrongFeedback) } : {}),
        },
      };
    case "choice":
      return q.single ? singleChoice(q.answers, md, note) : multipleResponse(q.answers, md, note);
    case "short":
      return fillIn(q.answers, md, note, q.at);
    case "numeric":
      return numeric(q.answers, q.wrongFeedback, md, note);
    case "matching":
      return matching(q, md, note);
  }
}

const percent = (w: number) => `${Math.round(w * 100) / 100} %`;
const quoted = (a: { text: GiftText }) => `"${plainOf(a.text)}"`;
const choices = (answers: GiftAnswer[], md: Md, isCorrect: (a: GiftAnswer) => boolean) =>
  answers.map((a) => ({
    text: md(a.text, true),
    ...(isCorrect(a) ? { correct: true } : {}),
    ...(a.feedback ? { feedback: md(a.feedback) } : {}),
  }));

/** `=right ~wrong`: exactly one answer worth 100 %; other weights cannot be kept. */
function singleChoice(answers: GiftAnswer[], md: Md, note: Note): Body {
  const right = answers.filter((a) => a.weight === 100);
  if (right.length !== 1) {
    return {
      skipped: `${right.length} answers are worth 100 %, and a single-choice question has exactly one right answer`,
    };
  }
  const partial = answers.filter((a) => a.weight !== 100 && a.weight !== 0);
  if (partial.length > 0) {
    note(
      partial[0]!.at,
      `weights other than 100 % and 0 % dropped, these now count as wrong: ${partial.map((a) => `${quoted(a)} (${percent(a.weight)})`).join(", ")}`,
    );
  }
  return { type: "single", fields: { choices: choices(answers, md, (a) => a.weight === 100) } };
}

/**
 * `~%50%a ~%50%b ~%-100%c`: the answers with a positive weight are right. Coursepack's partial
 * credit gives each right choice an equal share and takes one share away per wrong choice picked;
 * other weights are reported.
 */
function multipleResponse(answers: GiftAnswer[], md: Md, note: Note): Body {
  const right = answers.filter((a) => a.weight > 0);
  if (right.length === 0) return { skipped: "no answer has a positive weight, so none is right" };
  const share = 100 / right.length;
  const unequal = right.filter((a) => Math.abs(a.weight - share) > 0.5);
  if (unequal.length > 0) {
    note(
      unequal[0]!.at,
      `weights ${right.map((a) => `${quoted(a)} ${percent(a.weight)}`).join(", ")} become an equal split: each right choice is worth ${percent(share)}`,
    );
  }
  const penalties = answers.filter((a) => a.weight <= 0 && Math.abs(a.weight + share) > 0.5);
  if (penalties.length > 0) {
    note(
      penalties[0]!.at,
      `each wrong choice picked takes away ${percent(share)} in Coursepack; the GIFT weights were ${penalties.map((a) => `${quoted(a)} ${percent(a.weight)}`).join(", ")}`,
    );
  }
  return { type: "multiple", fields: { partialCredit: true, choices: choices(answers, md, (a) => a.weight > 0) } };
}

/** `{=answer =other}` → fill-in with every full-credit answer, compared case-insensitively as Moodle does by default. */
function fillIn(answers: GiftAnswer[], md: Md, note: Note, at: number): Body {
  const full = answers.filter((a) => a.weight === 100);
  const wildcards = full.filter((a) => a.text.text.includes("*"));
  const accepted = full.filter((a) => !a.text.text.includes("*"));
  const partial = answers.filter((a) => a.weight !== 100 && a.weight !== 0);
  if (wildcards.length > 0)
    note(
      wildcards[0]!.at,
      `answers with Moodle's * wildcard dropped (Coursepack compares whole answers): ${wildcards.map(quoted).join(", ")}`,
    );
  if (partial.length > 0)
    note(
      partial[0]!.at,
      `partial-credit answers dropped: ${partial.map((a) => `${quoted(a)} (${percent(a.weight)})`).join(", ")}`,
    );
  const wrongWithFeedback = answers.filter((a) => a.weight === 0 && a.feedback);
  if (wrongWithFeedback.length > 0)
    note(
      wrongWithFeedback[0]!.at,
      `feedback for specific wrong answers dropped: ${wrongWithFeedback.map(quoted).join(", ")}`,
    );
  if (accepted.length === 0) return { skipped: "no answer earns full credit without a wildcard" };

  const seen = new Set<string>();
  const unique = accepted.filter((a) => {
    const key = a.text.text.trim().toLowerCase();
    return !seen.has(key) && seen.add(key);
  });
  const feedbacks = new Set(unique.map((a) => (a.feedback ? md(a.feedback) : "")));
  const [only] = feedbacks;
  if (feedbacks.size > 1)
    note(at, "feedback that differs between accepted answers dropped (Coursepack has one feedback for a right answer)");
  return {
    type: "fill-in",
    fields: { answers: unique.map((a) => a.text.text) },
    ...(feedbacks.size === 1 && only ? { feedback: { correct: only } } : {}),
  };
}

const describeNumber = (a: GiftNumericAnswer) =>
  a.value === "any"
    ? "*"
    : "min" in a.value
      ? `${a.value.min}..${a.value.max}`
      : `${a.value.answer}${a.value.tolerance ? `:${a.value.tolerance}` : ""}`;

/** `{#3.14:0.01}` → answer and tolerance; `{#1..5}` → min and max. Coursepack accepts one range. */
function numeric(answers: GiftNumericAnswer[], wrongFeedback: GiftText | undefined, md: Md, note: Note): Body {
  const full = answers.filter((a) => a.weight === 100 && a.value !== "any");
  const [kept, ...others] = full;
  if (!kept || kept.value === "any") return { skipped: "no numeric answer earns full credit" };
  if (others.length > 0)
    note(
      others[0]!.at,
      `only the first full-credit answer (${describeNumber(kept)}) is kept; dropped: ${others.map(describeNumber).join(", ")}`,
    );
  const partial = answers.filter((a) => a.weight !== 100 && a.weight !== 0 && a.value !== "any");
  if (partial.length > 0)
    note(
      partial[0]!.at,
      `partial-credit answers dropped: ${partial.map((a) => `${describeNumber(a)} (${percent(a.weight)})`).join(", ")}`,
    );
  const catchAll = answers.find((a) => a.value === "any" && a.feedback)?.feedback ?? wrongFeedback;
  const value = kept.value;
  return {
    type: "numeric",
    fields:
      "min" in value
        ? { min: value.min, max: value.max }
        : { answer: value.answer, ...(value.tolerance ? { tolerance: value.tolerance } : {}) },
    feedback: {
      ...(kept.feedback ? { correct: md(kept.feedback) } : {}),
      ...(catchAll ? { incorrect: md(catchAll) } : {}),
    },
  };
}

/** `{=a -> 1 =b -> 2 = -> 3}`: pairs, and distractors from answers without an item. */
function matching(q: Extract<GiftQuestion, { kind: "matching" }>, md: Md, note: Note): Body {
  const pairs: { source: string; target: string }[] = [];
  const targets = new Set<string>();
  const repeated: GiftPair[] = [];
  for (const p of q.pairs) {
    if (p.source.text === "") continue;
    const target = escapeMarkdown(p.target);
    if (targets.has(target)) {
      repeated.push(p);
      continue;
    }
    targets.add(target);
    pairs.push({ source: md(p.source, true), target });
  }
  if (repeated.length > 0) {
    note(
      repeated[0]!.at,
      `pairs dropped because their match is already used (Coursepack matches each target to one item): ${repeated.map((p) => `"${plainOf(p.source)}" -> "${p.target}"`).join(", ")}`,
    );
  }
  // Extra answers that repeat a target or each other add nothing.
  const distractors = [
    ...new Set(q.pairs.filter((p) => p.source.text === "").map((p) => escapeMarkdown(p.target))),
  ].filter((d) => !targets.has(d));
  return { type: "matching", fields: { pairs, ...(distractors.length > 0 ? { distractors } : {}) } };
}

/**
 * The converted question must load with our own schema and pass its answer-key checks; if it would
 * not (too many choices, a fill-in answer over 250 characters…), it is skipped with the reason.
 */
function verify(question: AuthoredQuestion): Converted {
  const parsed = questionSchema.safeParse(question);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      skipped: `it would not be a valid ${question.type} question: ${issue.path.join(".") || "question"} ${issue.message}`,
    };
  }
  const problems: string[] = [];
  kindOf(parsed.data).checkKey(parsed.data as never, (path, message) => problems.push(`${path.join(".")}: ${message}`));
  if (problems.length > 0)
    return { skipped: `it would not be a valid ${question.type} question: ${problems.join("; ")}` };
  return { question };
}
