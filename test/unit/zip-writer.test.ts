/**
 * The packages' zip writer (compiler/packaging/zip.ts) and its compress-once cache (deflate.ts):
 * what it writes is read back by two independent readers (yauzl, which the validator uses, and
 * fflate), byte for byte, with and without ZIP64 records, for entries held in memory and streamed
 * from disk; the same content is compressed once for any number of zips; incompressible files are
 * stored; gzipped sizes are told from the zip's Deflate streams; the bytes are the same in every
 * time zone; and the validator's view of a just-written zip matches what reading it back gives.
 */
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { crc32, deflateRawSync, gzipSync } from "node:zlib";
import { unzipSync } from "fflate";
import yauzl from "yauzl";
import { describe, expect, it } from "vitest";
import { DeflateOnce, gzipSize, windowBitsFor } from "../../src/compiler/packaging/deflate.js";
import { writeZip } from "../../src/compiler/packaging/zip.js";
import type { PackageFile } from "../../src/compiler/targets/target.js";
import { Findings } from "../../src/validator/findings.js";
import { writtenZipSource } from "../../src/validator/package/memory-source.js";
import { DEFAULT_LIMITS } from "../../src/validator/package/source.js";
import { openZip } from "../../src/validator/package/zip-source.js";
import { tempDir } from "../support/build.js";

const PAGE = Buffer.from("<!doctype html><title>Lesson</title><p>Ünïcödé text, repeated. ".repeat(2000));

async function files(dir: string): Promise<PackageFile[]> {
  const video = path.join(dir, "big.bin");
  // Half text, half noise: it compresses, but not to nothing.
  await writeFile(video, Buffer.concat([Buffer.from("frame ".repeat(200_000)), randomBytes(300_000)]));
  return [
    { name: "imsmanifest.xml", content: '<?xml version="1.0"?><manifest identifier="m"/>' },
    { name: "index.html", content: PAGE },
    // Up to 16 KB, deflate.ts compresses on the main thread; the page goes to the thread pool.
    { name: "assets/noise.png", content: randomBytes(4096) },
    { name: "assets/styles.css", content: "body { margin: 0 }\n".repeat(200) },
    { name: "assets/empty.txt", content: "" },
    { name: "assets/vidéo/big.bin", source: video },
  ];
}

/**
 * Each entry's local header, walked from the start of the zip, against its central directory
 * record (read by yauzl): neither yauzl nor fflate compares them or checks CRCs, and Info-ZIP and
 * the Mac Archive Utility do.
 */
async function expectHeadersAgree(zipFile: string, expected: Map<string, Buffer>): Promise<void> {
  const bytes = await readFile(zipFile);
  const zip = await yauzl.openPromise(zipFile, { lazyEntries: true, autoClose: true });
  const central = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (e: yauzl.Entry) => {
      central.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  let at = 0;
  for (const [name, content] of expected) {
    const entry = central.get(name)!;
    expect(entry.relativeOffsetOfLocalHeader).toBe(at);
    expect(bytes.readUInt32LE(at)).toBe(0x04034b50);
    expect(entry.crc32).toBe(crc32(content));
    expect(bytes.readUInt32LE(at + 14)).toBe(entry.crc32);
    expect(bytes.readUInt16LE(at + 8)).toBe(entry.compressionMethod);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    expect(bytes.subarray(at + 30, at + 30 + nameLength).toString()).toBe(name);
    let [compressed, size] = [bytes.readUInt32LE(at + 18), bytes.readUInt32LE(at + 22)];
    if (compressed === 0xffffffff) {
      expect(bytes.readUInt16LE(at + 30 + nameLength)).toBe(0x0001);
      size = Number(bytes.readBigUInt64LE(at + 34 + nameLength));
      compressed = Number(bytes.readBigUInt64LE(at + 42 + nameLength));
    }
    expect([size, compressed]).toEqual([content.length, entry.compressedSize]);
    at += 30 + nameLength + extraLength + compressed;
  }
}

async function original(file: PackageFile): Promise<Buffer> {
  if ("source" in file) return readFile(file.source);
  return typeof file.content === "string" ? Buffer.from(file.content) : file.content;
}

describe("the zip writer", () => {
  for (const forceZip64 of [false, true]) {
    it(`writes zips yauzl and fflate read back byte for byte${forceZip64 ? ", with ZIP64 records" : ""}`, async () => {
      const dir = await tempDir("zip-writer");
      const list = await files(dir);
      const deflate = new DeflateOnce(path.join(dir, "spill"));
      const zipFile = path.join(dir, "package.zip");
      const written = await writeZip(zipFile, await Promise.all(list.map((f) => deflate.entry(f))), { forceZip64 });
      const bytes = await readFile(zipFile);
      expect(written.bytes).toBe(bytes.length);
      expect(written.zip64).toBe(forceZip64);

      const findings = new Findings();
      const source = await openZip(zipFile, DEFAULT_LIMITS, findings);
      try {
        expect(findings.list).toEqual([]);
        expect(source.zip64).toBe(forceZip64);
        expect(source.files.map((f) => f.name)).toEqual(list.map((f) => f.name));
        // What the build's checks see without reading the zip back is what reading it gives.
        expect(source.files).toEqual(writtenZipSource(written, list).files);
        for (const file of list) expect((await source.read(file.name)).equals(await original(file))).toBe(true);
      } finally {
        await source.close();
      }
      await expectHeadersAgree(
        zipFile,
        new Map(await Promise.all(list.map(async (f) => [f.name, await original(f)] as const))),
      );
      const unzipped = unzipSync(bytes);
      expect(Object.keys(unzipped)).toEqual(list.map((f) => f.name));
      for (const file of list) expect(Buffer.from(unzipped[file.name]!).equals(await original(file))).toBe(true);
    });
  }

  it("compresses each content once, stores what Deflate would not shrink, and is deterministic", async () => {
    const dir = await tempDir("zip-writer-once");
    const list = await files(dir);
    const deflate = new DeflateOnce(path.join(dir, "spill"));
    const first = await Promise.all(list.map((f) => deflate.entry(f)));
    const again = await Promise.all(list.map((f) => deflate.entry({ ...f, name: `copy/${f.name}` })));
    for (const [i, entry] of first.entries()) expect(again[i]!.data).toBe(entry.data);
    const byName = new Map(first.map((e) => [e.name, e]));
    expect(byName.get("index.html")!.method).toBe(8);
    expect((byName.get("index.html")!.data as Buffer).length).toBeLessThan(PAGE.length / 20);
    expect(byName.get("assets/noise.png")!.method).toBe(0);
    expect(byName.get("assets/styles.css")!.method).toBe(8);
    expect(byName.get("assets/vidéo/big.bin")!.method).toBe(8);
    // The runtime's gzipped size in the build's report comes from the zip's own Deflate stream.
    for (const name of ["index.html", "assets/noise.png", "imsmanifest.xml", "assets/styles.css"]) {
      const file = list.find((f) => f.name === name)!;
      expect(gzipSize(byName.get(name)!)).toBe(gzipSync(await original(file), { level: 9 }).length);
    }

    await writeZip(path.join(dir, "a.zip"), first);
    await writeZip(path.join(dir, "b.zip"), await Promise.all(list.map((f) => new DeflateOnce(dir).entry(f))));
    expect((await readFile(path.join(dir, "a.zip"))).equals(await readFile(path.join(dir, "b.zip")))).toBe(true);
  });

  it("writes the same bytes in every time zone, dated 2020-01-01 00:00", async () => {
    // yazl wrote its fixed date in the machine's local time: 2019-12-31 19:00 in New York.
    const dir = await tempDir("zip-writer-tz");
    const entries = await Promise.all(
      [{ name: "index.html", content: PAGE }].map((f) => new DeflateOnce(dir).entry(f)),
    );
    const zips: Buffer[] = [];
    const zone = process.env.TZ;
    try {
      for (const tz of ["UTC", "America/New_York", "Asia/Kolkata"]) {
        process.env.TZ = tz;
        await writeZip(path.join(dir, `${zips.length}.zip`), entries);
        zips.push(await readFile(path.join(dir, `${zips.length}.zip`)));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    for (const zip of zips.slice(1)) expect(zip.equals(zips[0]!)).toBe(true);
    // MS-DOS time and date in the local header: 00:00:00, 2020-01-01.
    expect([zips[0]!.readUInt16LE(10), zips[0]!.readUInt16LE(12)]).toEqual([0, ((2020 - 1980) << 9) | (1 << 5) | 1]);
  });
});

describe("a small file's Deflate window", () => {
  it("is fitted to the file and gives the bytes zlib's full window gives", () => {
    expect([0, 250, 251, 762, 763, 16_384, 32_506, 32_507, 1e6].map(windowBitsFor)).toEqual([
      9, 9, 10, 10, 11, 15, 15, 15, 15,
    ]);
    const words = ["coach", " the ", "pipeline", "\n", "<svg>", "deal"];
    // Text at and around every window's edge, and noise, which Deflate cannot shrink.
    const sizes = [1, 249, 250, 251, 500, 761, 762, 763, 1800, 4000, 8000, 16_122, 16_123, 16_384];
    for (const [i, size] of sizes.entries()) {
      let text = "";
      for (let w = i; text.length < size; w = (w * 7 + 3) % 97) text += words[w % words.length];
      for (const content of [Buffer.from(text.slice(0, size)), randomBytes(size)]) {
        const fitted = deflateRawSync(content, { level: 9, windowBits: windowBitsFor(size) });
        expect(fitted.equals(deflateRawSync(content, { level: 9 })), `${size} bytes`).toBe(true);
      }
    }
  });
});
