/**
 * What a lesson loads from an http:// address (a Markdown image, or an image, frame, media or script
 * in raw HTML) is a warning at its place: browsers block it once an LMS serves the course over
 * https. Links, and https:// addresses, are left alone.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { oneLessonCourse } from "../support/build.js";

const LESSON = `---
title: Embeds
---

![Chart](http://example.com/chart.png) and ![Safe](https://example.com/chart.png)

[A link](http://example.com/page) is fine: <iframe title="Map" src="http://maps.example.com/embed"></iframe>

<div class="media">
  <video controls poster="http://example.com/poster.jpg" src="https://example.com/v.mp4"></video>
  <script src="HTTP://example.com/widget.js"></script>
  <a href="http://example.com/more">More</a>
</div>
`;

describe("content loaded over http://", () => {
  it("is a warning where it is written", async () => {
    const dir = await oneLessonCourse("insecure", LESSON);
    const { diagnostics } = await checkCourse(dir, ["web"]);
    const found = diagnostics.sorted().map((d) => formatDiagnostic(d, dir).replace(/ is loaded over http:\/\/.*$/, ""));
    expect(found).toEqual([
      'lessons/a.md:5:10: warning: image "http://example.com/chart.png"',
      'lessons/a.md:7:69: warning: <iframe> "http://maps.example.com/embed"',
      'lessons/a.md:10:27: warning: <video> "http://example.com/poster.jpg"',
      'lessons/a.md:11:16: warning: <script> "HTTP://example.com/widget.js"',
    ]);
    expect(diagnostics.list[0]!.message).toMatch(/browsers block .* over https; use its https:\/\/ address/);
  });
});
