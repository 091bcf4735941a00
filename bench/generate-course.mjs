// Generates a large synthetic course for the benchmark: N lessons (each with a few sections, a table,
// an image and a knowledge check) and a final quiz drawing from banks that hold Q questions in all.
// Usage: node bench/generate-course.mjs <dir> <lessons> <questions>
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const [dir, lessonCount = "500", questionCount = "2000"] = process.argv.slice(2);
if (!dir) throw new Error("usage: generate-course.mjs <dir> [lessons] [questions]");
const lessons = Number(lessonCount);
const questions = Number(questionCount);

rmSync(dir, { recursive: true, force: true });
for (const sub of ["lessons", "quizzes", "images"]) mkdirSync(path.join(dir, sub), { recursive: true });

const words =
  "pipeline forecast coaching quota coverage conversion meeting behaviour motivation hiring deal skill rep manager team week review target stage risk".split(
    " ",
  );
const sentence = (i, n = 14) => {
  const out = [];
  for (let k = 0; k < n; k++) out.push(words[(i * 7 + k * 3) % words.length]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(" ")}.`;
};
const paragraph = (i) => Array.from({ length: 5 }, (_, k) => sentence(i + k)).join(" ");

const pad = (n) => String(n).padStart(3, "0");
const outline = [];
for (let i = 1; i <= lessons; i++) {
  const name = `lessons/${pad(i)}-lesson-${i}.md`;
  outline.push(name);
  // A small distinct SVG per lesson: 500 image assets in the package.
  writeFileSync(
    path.join(dir, "images", `figure-${i}.svg`),
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" role="img"><title>Figure ${i}</title><rect width="${40 + (i % 150)}" height="40" y="10" fill="#0b5cad"/></svg>\n`,
  );
  writeFileSync(
    path.join(dir, name),
    `---
title: Lesson ${i}
objectives: [Apply idea ${i} in a pipeline review, Coach one behaviour linked to idea ${i}]
minutes: 6
---

## Idea ${i}

${paragraph(i)}

${paragraph(i + 1)}

![Figure ${i}](../images/figure-${i}.svg)

## In practice

| Stage | Signal | Action |
| ----- | ------ | ------ |
| Qualify | ${sentence(i, 4)} | ${sentence(i + 2, 5)} |
| Propose | ${sentence(i + 3, 4)} | ${sentence(i + 4, 5)} |

${paragraph(i + 2)}

\`\`\`check
id: check-${i}
? Which step comes first in idea ${i}?
(x) Diagnose the stage where the numbers change
> Right: diagnose before you prescribe.
( ) Ask for more activity
> Activity may already be fine.
\`\`\`
`,
  );
}

const banks = 20;
const perBank = Math.ceil(questions / banks);
const bankYaml = [];
let made = 0;
for (let b = 1; b <= banks && made < questions; b++) {
  const items = [];
  for (let k = 1; k <= perBank && made < questions; k++, made++) {
    const id = `q-${b}-${k}`;
    items.push(
      made % 2 === 0
        ? `      - id: ${id}\n        type: single\n        prompt: "${sentence(made)} Which response fits scenario ${made}?"\n        choices:\n          - { text: "Coach the behaviour behind result ${made}", correct: true, feedback: "It addresses the cause." }\n          - { text: "Wait for next quarter", feedback: "Problems grow while you wait." }\n          - { text: "Add activity targets", feedback: "Activity alone rarely fixes conversion." }`
        : `      - id: ${id}\n        type: true-false\n        prompt: "${sentence(made)} Statement ${made} is true."\n        answer: ${made % 3 === 0}`,
    );
  }
  bankYaml.push(`  - id: bank-${b}\n    draw: 1\n    questions:\n${items.join("\n")}`);
}
writeFileSync(
  path.join(dir, "quizzes", "final.yml"),
  `title: Final assessment\nattempts: 3\nshuffleChoices: true\nbanks:\n${bankYaml.join("\n")}\n`,
);
outline.push("quizzes/final.yml");

writeFileSync(
  path.join(dir, "course.yml"),
  `id: bench-${lessons}
title: Benchmark course with ${lessons} lessons
description: A generated course for measuring build speed and package size.
language: en
passingScore: 80
formats: [web, scorm12, scorm2004, scorm2004-4th, xapi, cmi5]
outline:
${outline.map((o) => `  - ${o}`).join("\n")}
`,
);
console.log(`generated ${lessons} lessons and ${made} questions in ${dir}`);
