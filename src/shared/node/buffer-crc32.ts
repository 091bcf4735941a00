/**
 * Stands in for the `buffer-crc32` package in the compiled CLI (scripts/compile.mjs aliases it):
 * yazl checksums every zip entry with it, in JavaScript, which was a twentieth of a 1,000-lesson
 * build (six packages of a 12 MB page). Node's zlib.crc32 (native, Node ≥ 20.15) gives the same
 * numbers; test/unit/buffer-crc32.test.ts compares the two. Only the call yazl makes is here.
 */
import { crc32 } from "node:zlib";

/** The CRC-32 of `buf`, continuing from `previous` (a CRC so far), as an unsigned number. */
export function unsigned(buf: Buffer | string, previous?: number): number {
  return crc32(buf, (previous ?? 0) >>> 0);
}
