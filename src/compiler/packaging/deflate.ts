/**
 * Each distinct file of a build compressed once. Every format's package of one language ships the
 * same page, stylesheet and assets, so a build of six formats used to deflate each of them six
 * times; here each content (the same Buffer object, the same string, the same file on disk) is
 * deflated and checksummed once and its bytes go into every zip that holds it (zip.ts).
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants, crc32, createDeflateRaw, deflateRaw, deflateRawSync, gzipSync } from "node:zlib";
import { once } from "../../shared/once.js";
import type { PackageFile } from "../targets/target.js";

/** An entry's data as a zip stores it, with what its headers need. */
export interface DeflatedEntry {
  name: string;
  crc32: number;
  /** Uncompressed size. */
  size: number;
  /** 8 = Deflate, 0 = stored (when Deflate would not make the file smaller: images, video). */
  method: 0 | 8;
  /** The stored bytes, in memory or in a file (large files, compressed into the staging folder). */
  data: Buffer | { file: string; bytes: number };
}

type Deflated = Omit<DeflatedEntry, "name">;

const LEVEL = constants.Z_BEST_COMPRESSION;
/**
 * Deflates in flight at once. Each holds a zlib context (≈ 300 KB at level 9): starting one per
 * file at once cost 1.5 GB on a course of 6,000 files. Four keeps libuv's four threads busy.
 */
const PARALLEL = 4;
/**
 * Contents up to this size are deflated on the main thread. Handing a file to the thread pool
 * costs more than deflating a small one: 1,000 SVG figures of 150 bytes took 0.6 s of wall time
 * and 1.2 s of CPU through zlib's callback API and 16–95 ms with deflateRawSync, while 16 KB of
 * text takes well under a millisecond at level 9.
 */
const SYNC_BYTES = 16 * 1024;

/**
 * The smallest Deflate window that holds `size` bytes (zlib keeps 262 bytes of it for look-ahead).
 * zlib allocates and clears a context sized by its window: at the default 32 KB window, deflating
 * a 1,000-lesson course's 1,000 small figures took 50–225 ms on the main thread (the first time in
 * a process the most, each context fresh memory from the kernel), 11–15 ms with a window fitted
 * to each. The output is the same bytes: no match can reach further back than the content.
 */
export function windowBitsFor(size: number): number {
  let bits = 9; // the smallest window zlib's raw Deflate takes
  while (bits < 15 && 2 ** bits - 262 < size) bits++;
  return bits;
}

/** The entry's size in the zip. */
export function storedBytes(entry: DeflatedEntry): number {
  return Buffer.isBuffer(entry.data) ? entry.data.length : entry.data.bytes;
}

/**
 * What `gzip -9` makes of an entry (the build reports its runtime's gzipped size): the zip's own
 * Deflate stream at the same level, with gzip's 10-byte header and 8-byte trailer.
 */
export function gzipSize(entry: DeflatedEntry): number {
  if (entry.method === 8) return storedBytes(entry) + 18;
  return Buffer.isBuffer(entry.data) ? gzipSync(entry.data, { level: LEVEL }).length : entry.size + 18;
}

export class DeflateOnce {
  private readonly buffers = new WeakMap<Buffer, Promise<Deflated>>();
  private readonly strings = new Map<string, Promise<Deflated>>();
  private readonly files = new Map<string, Promise<Deflated>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private spilled = 0;

  /** @param spillDir where large files' compressed copies go (a staging folder, removed with it) */
  constructor(private readonly spillDir: string) {}

  async entry(file: PackageFile): Promise<DeflatedEntry> {
    return { name: file.name, ...(await this.deflated(file)) };
  }

  private deflated(file: PackageFile): Promise<Deflated> {
    if ("source" in file) return once(this.files, file.source, () => this.slot(() => this.deflateFile(file.source)));
    const { content } = file;
    if (typeof content === "string") return once(this.strings, content, () => this.bytes(Buffer.from(content)));
    return once(this.buffers, content, () => this.bytes(content));
  }

  private bytes(content: Buffer): Promise<Deflated> {
    if (content.length <= SYNC_BYTES)
      return Promise.resolve(
        stored(content, deflateRawSync(content, { level: LEVEL, windowBits: windowBitsFor(content.length) })),
      );
    return this.slot(() => deflateBytes(content));
  }

  /** Runs `job` when fewer than PARALLEL others run. */
  private async slot<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= PARALLEL) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await job();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** A file too large to hold (a video): streamed through Deflate into the spill folder. */
  private async deflateFile(source: string): Promise<Deflated> {
    await mkdir(this.spillDir, { recursive: true });
    const file = path.join(this.spillDir, `${this.spilled++}.deflate`);
    let crc = 0;
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const out = createWriteStream(file);
    await pipeline(createReadStream(source), measure, createDeflateRaw({ level: LEVEL }), out);
    if (out.bytesWritten >= size) return { crc32: crc, size, method: 0, data: { file: source, bytes: size } };
    return { crc32: crc, size, method: 8, data: { file, bytes: out.bytesWritten } };
  }
}

async function deflateBytes(content: Buffer): Promise<Deflated> {
  const deflated = await new Promise<Buffer>((resolve, reject) =>
    deflateRaw(content, { level: LEVEL }, (error, result) => (error ? reject(error) : resolve(result))),
  );
  return stored(content, deflated);
}

/** The entry for `content`: its Deflate stream, or the bytes themselves when that is no smaller. */
function stored(content: Buffer, deflated: Buffer): Deflated {
  const crc = crc32(content);
  if (deflated.length >= content.length) return { crc32: crc, size: content.length, method: 0, data: content };
  return { crc32: crc, size: content.length, method: 8, data: deflated };
}
