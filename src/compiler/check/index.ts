/** The check stage: rules run in this order over the course model; each reports, none stops the others. */
import type { Diagnostics } from "../diagnostics.js";
import type { CourseModel } from "../model/index.js";
import type { Rule } from "./rule.js";
import { answerKeys } from "./rules/answer-keys.js";
import { banks } from "./rules/banks.js";
import { blocks } from "./rules/blocks.js";
import { completion } from "./rules/completion.js";
import { lessonContent } from "./rules/lesson-content.js";
import { references } from "./rules/references.js";
import { scenarios } from "./rules/scenarios.js";
import { strings } from "./rules/strings.js";
import { stylesheets } from "./rules/stylesheets.js";
import { templateLinks } from "./rules/template-links.js";
import { theme } from "./rules/theme.js";
import { uniqueIds } from "./rules/unique-ids.js";

export const rules: readonly Rule[] = [
  uniqueIds,
  lessonContent,
  answerKeys,
  banks,
  completion,
  strings,
  theme,
  references,
  templateLinks,
  stylesheets,
  blocks,
  scenarios,
];

export async function checkModel(model: CourseModel, diagnostics: Diagnostics): Promise<void> {
  for (const rule of rules) await rule.run({ model, diagnostics });
}
