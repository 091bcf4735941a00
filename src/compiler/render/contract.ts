/**
 * What the player (src/runtime) needs from the page, by template: the hooks it finds elements by.
 * Coursepack's own templates have them all; a course that replaces one can leave one out, and its
 * packages then build, pass every check and never start, or never let a learner start the quiz,
 * or never report to the LMS. Each template of the course's own is held to this list as it renders,
 * whether rendered or included as a partial (templates.ts), and the build fails at that template with
 * what to keep.
 */
export interface Hook {
  /** What the template must write, as Coursepack's own template writes it. */
  need: string;
  /** What breaks without it. */
  why: string;
  found(html: string, context: Record<string, unknown>): boolean;
}

/** `<section class="page …" data-page="…">`: the player shows one page at a time by it. */
const pageSection = (written: string, id: (context: Record<string, unknown>) => unknown): Hook => ({
  need: `<section class="page" id="page-${written}" data-page="${written}"> around the page`,
  why: "the player shows one page at a time and finds each by it",
  found: (html, context) =>
    [...html.matchAll(/<section\b([^>]*)>/g)].some(
      ([, attrs]) => /\bclass="([^"]*\s)?page(\s[^"]*)?"/.test(attrs!) && attrs!.includes(`data-page="${id(context)}"`),
    ),
});
const eachPage = pageSection("{{id}}", (context) => context.id);

/** An attribute the quiz runtime finds a part of the quiz by. */
const quizHook = (attribute: string, why: string): Hook => ({
  need: attribute,
  why,
  found: (html) => html.includes(attribute),
});

/** Whether the first and last of `parts` are in `html` (all are written by one loop, or none is). */
const includesAll = (html: string, parts: readonly string[]) =>
  parts.length === 0 || (html.includes(parts[0]!) && html.includes(parts.at(-1)!));

const answerInput: Hook = {
  need: "an <input> for the answer",
  why: "the quiz reads the learner's answer from it",
  found: (html) => /<input\b/.test(html),
};

/** An attribute for each item of a list the question view gives. */
const attributeOfEach = (list: string, attribute: string, why: string): Hook => ({
  need: `${attribute}="{{id}}" on each of {{#each ${list}}}`,
  why,
  found: (html, context) =>
    (context[list] as { id: string }[]).every((item) => html.includes(`${attribute}="${item.id}"`)),
});

/** `value="{{id}}"` on the input (or option) of each item: the quiz reads answers by it. */
const valueOfEach = (list: string, element: string): Hook => ({
  ...attributeOfEach(list, "value", "the quiz reads the learner's answer by it"),
  need: `value="{{id}}" on the ${element} of each of {{#each ${list}}}`,
});

/** `data-block="{{id}}"`: the player finds an interactive block, and tracks a required one, by it. */
const blockElement: Hook = {
  need: 'data-block="{{id}}" on the block\'s element',
  why: "the player finds the block by it, and tracks it when the block is required",
  found: (html, context) => html.includes(`data-block="${context.id}"`),
};

/** Whether one opening `<tag …>` of `html` holds every one of `parts` (attributes as written). */
function tagWith(html: string, tag: string, parts: readonly string[]): boolean {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].some(([, attrs]) =>
    parts.every((part) => attrs!.includes(part)),
  );
}

const disclosureItems: Hook = {
  need: "<button aria-expanded data-item> for each item",
  why: "the learner opens an item with it; a required block is done when every item was opened",
  found: (html) => tagWith(html, "button", ["aria-expanded", "data-item"]),
};

export const CONTRACT: Readonly<Record<string, readonly Hook[]>> = {
  layout: [
    {
      need: '<script type="application/json" id="course-data">{{{dataJson}}}</script>',
      why: "the player reads the course, its settings and its answer keys from it",
      found: (html, context) => /\bid="course-data"/.test(html) && html.includes(context.dataJson as string),
    },
    {
      need: '<script src="coursepack.js"></script>',
      why: "it is the player, without which nothing reacts to the learner and nothing reaches the LMS",
      found: (html) => /<script\b[^>]*\bsrc="coursepack\.js"/.test(html),
    },
    {
      need: '<link rel="stylesheet" href="coursepack.css">',
      why: "it holds the theme and the course's own CSS",
      found: (html) => /<link\b[^>]*\bhref="coursepack\.css"/.test(html),
    },
    {
      need: "{{#each pages}}{{{html}}}{{/each}}",
      why: "it writes the lessons and quizzes into the page",
      found: (html, context) =>
        includesAll(
          html,
          (context.pages as { html: string }[]).map((p) => p.html),
        ),
    },
  ],
  lesson: [
    eachPage,
    {
      need: "{{{body}}}",
      why: "it is the lesson's text",
      found: (html, context) => html.includes(context.body as string),
    },
  ],
  quiz: [
    eachPage,
    quizHook('data-quiz-action="start"', "the learner starts the quiz with it"),
    quizHook('data-quiz-screen="questions"', "the questions are shown in it"),
    quizHook('data-quiz-action="submit"', "the learner submits the answers, and the score is sent, with it"),
    quizHook('data-quiz-screen="results"', "the score is shown in it"),
    {
      need: "{{#each questions}}{{{this}}}{{/each}}",
      why: "it writes the questions into the quiz",
      found: (html, context) => includesAll(html, context.questions as string[]),
    },
  ],
  // The question types' own templates (their `template` in src/compiler/questions/).
  "questions/choices": [valueOfEach("choices", "input")],
  "questions/true-false": [
    {
      need: 'inputs with value="true" and value="false"',
      why: "the quiz reads the learner's answer by them",
      found: (html) => html.includes('value="true"') && html.includes('value="false"'),
    },
  ],
  "questions/fill-in": [answerInput],
  "questions/numeric": [answerInput],
  "questions/matching": [
    attributeOfEach("rows", "data-source", "the quiz reads which option the learner matched with each row by it"),
    valueOfEach("options", "<option>"),
  ],
  "questions/sequencing": [
    {
      need: "data-sequence on the list",
      why: "the quiz reads the learner's order from it",
      found: (html) => /\bdata-sequence\b/.test(html),
    },
    attributeOfEach("items", "data-option", "the quiz reads the learner's order by it"),
  ],
  "questions/likert": [valueOfEach("scale", "input")],
  // The interactive blocks' templates (templates/blocks/, src/runtime/blocks/).
  "blocks/accordion": [blockElement, disclosureItems],
  "blocks/reveal": [blockElement, disclosureItems],
  "blocks/tabs": [
    blockElement,
    {
      need: 'role="tab" and role="tabpanel" for each item',
      why: "the learner switches tabs with them; a required block is done when every tab was seen",
      found: (html) => html.includes('role="tab"') && html.includes('role="tabpanel"'),
    },
  ],
  "blocks/flipcards": [
    blockElement,
    {
      need: 'class="flipcard" with a data-flip button for each card',
      why: "the learner turns a card with it; a required block is done when every card was turned",
      found: (html) => /class="([^"]*\s)?flipcard(\s[^"]*)?"/.test(html) && html.includes("data-flip"),
    },
  ],
  "blocks/hotspots": [
    blockElement,
    {
      need: 'class="hotspot" for each marker',
      why: "the learner opens a marker with it; a required block is done when every marker was opened",
      found: (html) => /class="([^"]*\s)?hotspot(\s[^"]*)?"/.test(html),
    },
  ],
  "blocks/steps": [
    blockElement,
    {
      need: 'a data-step="1" button',
      why: "the learner moves to the next step with it; a required block is done at the last step",
      found: (html) => html.includes('data-step="1"'),
    },
  ],
  "blocks/media": [
    blockElement,
    {
      need: "data-media on the <video> or <audio>",
      why: "the player measures how much was played by it; a required one is done when enough was",
      // A YouTube or Vimeo embed is not measured (it cannot be required).
      found: (html, context) => context.embed !== undefined || html.includes("data-media"),
    },
  ],
  "blocks/scenario": [
    blockElement,
    {
      need: "data-node for each node and data-choice for each choice",
      why: "the learner moves through the scenario with them; a required one is done at an ending",
      found: (html) => html.includes("data-node") && html.includes("data-choice"),
    },
  ],
  results: [
    pageSection("summary", () => "summary"),
    {
      need: '<button data-action="exit">',
      why: "the learner leaves the course with it, and the LMS is told the session is over",
      found: (html) => /\bdata-action="exit"/.test(html),
    },
  ],
  question: [
    {
      need: 'data-question="{{id}}" on the question\'s element',
      why: "the quiz finds each question's answer by it",
      found: (html, context) => html.includes(`data-question="${context.id}"`),
    },
    {
      need: "{{{body}}}",
      why: "it holds the answer options",
      found: (html, context) => html.includes(context.body as string),
    },
  ],
};
