/** Sequencing: put items in order with Move up/Move down buttons (keyboard-friendly, no drag and drop). */
import { z } from "zod";
import type { MarkdownField } from "../markdown/env.js";
import { plainText } from "../model/plain-text.js";
import { textSchema } from "../schema/common.js";
import { questionBaseShape, type QuestionKind } from "./kind.js";
import { derangedOrder, optionIds, textOfHtml } from "./options.js";

const schema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("sequencing").meta({ description: "Sequencing: put the items in order." }),
  items: z
    .array(textSchema)
    .min(2, { message: "needs at least 2 items" })
    .max(20, { message: "allows at most 20 items" })
    .meta({
      description: "The items in the right order (2 to 20); learners see them shuffled.",
      examples: [["Prospect", "Qualify", "Propose", "Close"]],
    }),
});
export { schema as sequencingSchema };

type Sequencing = z.infer<typeof schema>;

export const sequencing: QuestionKind<Sequencing> = {
  type: "sequencing",
  schema,
  template: "questions/sequencing",
  gradable: true,
  checkKey(q, report) {
    const seen = new Set<string>();
    q.items.forEach((item, i) => {
      if (seen.has(item)) report(["items", i], `item "${item}" appears twice`);
      seen.add(item);
    });
  },
  fields: (q, parse) => ({ items: q.items.map((item, i) => parse(["items", i], item, true)) }),
  toData(q, { base, fields }) {
    const ids = optionIds(q.items);
    const texts = (fields.items as MarkdownField[]).map(plainText);
    return { ...base, type: "sequencing", items: ids.map((id, i) => ({ id, text: texts[i]! })) };
  },
  view(q, html) {
    const ids = optionIds(q.items);
    const items = html.items as string[];
    const order = derangedOrder(q.items.length, q.items.join("\n"));
    return { items: order.map((i) => ({ id: ids[i], html: items[i], text: textOfHtml(items[i]!) })) };
  },
};
