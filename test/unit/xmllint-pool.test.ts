/**
 * The xmllint workers stop once idle (their WebAssembly memory is not carried to the end of a
 * large build, or through a preview between edits) and start again for the next run.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { runXmllint, XMLLINT_IDLE_MS, xmllintWorkerCount } from "../../src/validator/xmllint-pool.js";

const lint = (contents: string) =>
  runXmllint({ inputFiles: [{ fileName: "doc.xml", contents }], args: ["--noout", "doc.xml"], maxMemoryPages: 512 });

describe("the xmllint pool", () => {
  it("stops an idle worker and starts one again for the next run", async () => {
    expect(await lint("<ok/>")).toMatchObject({ exitCode: 0 });
    expect(xmllintWorkerCount()).toBeGreaterThan(0);
    await sleep(XMLLINT_IDLE_MS * 3);
    expect(xmllintWorkerCount()).toBe(0);

    const broken = await lint("<open>");
    expect(broken.exitCode).not.toBe(0);
    expect(broken.stderr).toMatch(/doc\.xml/);
    expect(xmllintWorkerCount()).toBeGreaterThan(0);
  });

  it("keeps a worker that gets its next run before it idles", async () => {
    await lint("<ok/>");
    const runs = await Promise.all([lint("<a/>"), lint("<b/>"), lint("<c/>")]);
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0, 0]);
    await sleep(XMLLINT_IDLE_MS / 3);
    expect(xmllintWorkerCount()).toBeGreaterThan(0);
  });
});
