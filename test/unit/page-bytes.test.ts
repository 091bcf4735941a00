/**
 * render/page-bytes.ts: index.html is put together from each page's bytes and the layout around
 * their stand-ins, and must be byte for byte what rendering it as one string gives.
 */
import { describe, expect, it } from "vitest";
import { PageBytes } from "../../src/compiler/render/page-bytes.js";

describe("index.html as bytes", () => {
  it("is the layout with every stand-in replaced by its page's UTF-8", () => {
    const pages = [
      "<section>“Quotes”, ünïcödé and 🙂</section>",
      `<section>${"é".repeat(700_000)}</section>`, // 1.4 MB: larger than a block on its own
      "<section>after the large one</section>",
      `<section>${"x".repeat(900_000)}</section>`, // does not fit what is left of the block
      "<section>mentions <!--coursepack-page-0--> in its text</section>",
    ];
    const bytes = new PageBytes();
    const standIns = pages.map((p) => bytes.add(p).standIn);
    const layout = (html: string[]) => `<!doctype html><nav>Menü</nav>\n${html.join("\n")}\n<footer>☺</footer>`;
    expect(bytes.assemble(layout(standIns)).equals(Buffer.from(layout(pages)))).toBe(true);
    expect(new PageBytes().add(pages[0]!).bytes.equals(Buffer.from(pages[0]!))).toBe(true);
  });

  it("writes a page wherever and as often as the layout puts its stand-in", () => {
    const bytes = new PageBytes();
    const [a, b] = [bytes.add("<p>A</p>").standIn, bytes.add("<p>B</p>").standIn];
    expect(bytes.assemble(`${b}|${a}|${b}`).toString()).toBe("<p>B</p>|<p>A</p>|<p>B</p>");
    expect(bytes.assemble("no pages").toString()).toBe("no pages");
  });

  it("leaves text that looks like another rendering's stand-in alone", () => {
    const first = new PageBytes();
    const foreign = first.add("<p>first</p>").standIn;
    const second = new PageBytes();
    const own = second.add("<p>second</p>").standIn;
    expect(second.assemble(`${foreign}${own}`).toString()).toBe(`${foreign}<p>second</p>`);
  });
});
