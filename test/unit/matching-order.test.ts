/**
 * A matching question lists its targets alphabetically (so the list never gives the pairing away),
 * in the order of the course's language, whatever the locale of the machine that builds it: the
 * same course must build into the same package everywhere.
 */
import { describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { renderCourse } from "../../src/compiler/render/index.js";
import { oneQuizCourse } from "../support/build.js";

async function optionOrder(language: string): Promise<string[]> {
  const pairs = [
    { source: "Första", target: "Öppen" },
    { source: "Andra", target: "Zon" },
    { source: "Tredje", target: "Ost" },
  ];
  const dir = await oneQuizCourse(
    `matching-${language}`,
    { id: "matching-order", title: "Ordering", description: "One matching question.", language, formats: ["web"] },
    { id: "quiz", title: "Quiz", questions: [{ type: "matching", prompt: "Para ihop.", pairs }] },
  );
  const course = await checkCourse(dir);
  const html = (await renderCourse(course.model, course.templates, course.data)).page.toString();
  const select = /<select\b[\s\S]*?<\/select>/.exec(html)![0];
  return [...select.matchAll(/<option\b[^>]*\bvalue="([^"]+)"[^>]*>([^<]*)</g)].map((m) => m[2]!.trim());
}

describe("a matching question's targets", () => {
  it("are in the order of the course's language, not the building machine's", async () => {
    // Swedish sorts Ö after Z; German sorts it as O (Öppen before Ost).
    expect(await optionOrder("sv")).toEqual(["Ost", "Zon", "Öppen"]);
    expect(await optionOrder("de")).toEqual(["Öppen", "Ost", "Zon"]);
  });
});
