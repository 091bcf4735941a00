/**
 * scripts/xmldom-lazy-html-entities.mjs: the bundled @xmldom/xmldom makes its HTML entity table
 * on first use. XML keeps its five entities, HTML still gets all of them, and the table is not
 * built by loading the module.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { xmldomLazyHtmlEntities } from "../../scripts/xmldom-lazy-html-entities.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function bundled(): Promise<{ xmldom: typeof import("@xmldom/xmldom"); entities: Record<string, unknown> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "xmldom-entities-"));
  dirs.push(dir);
  const file = path.join(dir, "bundle.cjs");
  await build({
    stdin: {
      contents:
        'module.exports = { xmldom: require("@xmldom/xmldom"), entities: require("@xmldom/xmldom/lib/entities.js") };',
      resolveDir: ROOT,
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: file,
    plugins: [xmldomLazyHtmlEntities],
    logLevel: "silent",
  });
  return createRequire(file)(file);
}

describe("the bundled xmldom's HTML entities", () => {
  it("are made on first use, and XML and HTML parse as before", async () => {
    const { xmldom, entities } = await bundled();
    const html = Object.getOwnPropertyDescriptor(entities, "HTML_ENTITIES")!;
    expect(html.get, "a getter, not a table built at load").toBeTypeOf("function");
    const parser = new xmldom.DOMParser({ onError: () => undefined });
    const xml = parser.parseFromString("<a>&amp;&lt;&quot;</a>", "text/xml");
    expect(xml.documentElement!.textContent).toBe('&<"');
    const page = parser.parseFromString("<p>&eacute;&nbsp;&zwj;</p>", "text/html");
    expect(page.getElementsByTagName("p")[0]!.textContent).toBe("é\u00a0\u200d");
    expect(entities.HTML_ENTITIES).toBe(entities.HTML_ENTITIES);
    expect(Object.isFrozen(entities.HTML_ENTITIES)).toBe(true);
    expect(entities.entityMap).toBe(entities.HTML_ENTITIES);
    expect(Object.keys(entities.HTML_ENTITIES as object).length).toBeGreaterThan(2000);
  });
});
