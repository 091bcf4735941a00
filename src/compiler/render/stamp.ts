/**
 * The build stamp (shared/build-stamp.ts): short content hashes of the rendered course and of each
 * page. Hashes are SHA-256, cut to 7 hex characters like a short Git commit id: enough to tell
 * builds apart at a glance, short enough to read over the phone to support.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { BuildStamp } from "../../shared/build-stamp.js";
import { VERSION } from "../../shared/node/paths.js";

export const SHORT_HASH_LENGTH = 7;

const KICKER = /<p class="page-kicker">[^<]*<\/p>/;

/** SHA-256 (hex) of some parts, each framed so that ["ab", "c"] and ["a", "bc"] differ. */
function digest(parts: readonly (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("hex");
}

/** Short hash of some parts (the first characters of their digest). */
export function shortHash(parts: readonly (string | Buffer)[]): string {
  return digest(parts).slice(0, SHORT_HASH_LENGTH);
}

export interface PageDigest {
  id: string;
  /** SHA-256 of the page without its kicker; the build stamp shows its first characters. */
  digest: string;
  /** The kicker itself ("Lesson 3 · 5 min"), which the content hash covers too. */
  kicker: string;
}

/**
 * The kicker changes when lessons are reordered, which the diff reports on its own; the page's text
 * has not changed, so the page's own hash leaves it out.
 */
export function pageDigest(id: string, html: string, bytes: Buffer): PageDigest {
  const kicker = KICKER.exec(html)?.[0] ?? "";
  // Framed as digest() frames a text (by its length), but hashed from the page's UTF-8 around the
  // kicker: no copy of the page without it, and no second encoding of the text (hashing a string
  // encodes it).
  const hash = createHash("sha256").update(`${html.length - kicker.length}:`);
  if (!kicker) return { id, digest: hash.update(bytes).digest("hex"), kicker };
  const at = bytes.indexOf(kicker);
  hash.update(bytes.subarray(0, at)).update(bytes.subarray(at + Buffer.byteLength(kicker)));
  return { id, digest: hash.digest("hex"), kicker };
}

/** SHA-256 of an asset: from the bytes the build already read, or streamed from disk (videos). */
export async function assetDigest(source: string, contents?: ReadonlyMap<string, Buffer>): Promise<string> {
  const hash = createHash("sha256");
  const bytes = contents?.get(source);
  if (bytes) return hash.update(bytes).digest("hex");
  for await (const chunk of createReadStream(source)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export function buildStamp(
  course: { id: string; version: string },
  content: string,
  pages: readonly PageDigest[],
): BuildStamp {
  return {
    stamp: 1,
    generator: `coursepack ${VERSION}`,
    course: course.id,
    version: course.version,
    content,
    pages: Object.fromEntries(pages.map((p) => [p.id, p.digest.slice(0, SHORT_HASH_LENGTH)])),
  };
}
