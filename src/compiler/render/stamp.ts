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

/** Short hash of some parts, each framed so that ["ab", "c"] and ["a", "bc"] differ. */
export function shortHash(parts: readonly (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("hex").slice(0, SHORT_HASH_LENGTH);
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
  pages: readonly { id: string; html: string }[],
): BuildStamp {
  return {
    stamp: 1,
    generator: `coursepack ${VERSION}`,
    course: course.id,
    version: course.version,
    content,
    // The kicker ("Lesson 3 · 5 min") changes when lessons are reordered, which the diff reports on
    // its own; the page's text has not changed.
    pages: Object.fromEntries(pages.map((p) => [p.id, shortHash([p.html.replace(KICKER, "")])])),
  };
}
