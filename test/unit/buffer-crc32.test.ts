/** The compiled CLI's stand-in for buffer-crc32 (yazl's checksums) gives buffer-crc32's numbers. */
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { unsigned } from "../../src/shared/node/buffer-crc32.js";

// CommonJS with `export =` types: required, as yazl requires it.
const bufferCrc32 = createRequire(import.meta.url)("buffer-crc32") as typeof import("buffer-crc32");

describe("buffer-crc32 stand-in", () => {
  it("matches buffer-crc32 on whole buffers, empty ones and strings", () => {
    for (const size of [0, 1, 7, 64, 1000, 65_537]) {
      const buf = randomBytes(size);
      expect(unsigned(buf)).toBe(bufferCrc32.unsigned(buf));
    }
    expect(unsigned("Grüße, 世界")).toBe(bufferCrc32.unsigned("Grüße, 世界"));
  });

  it("continues a checksum chunk by chunk as yazl's stream watcher does", () => {
    const whole = randomBytes(200_000);
    let ours = 0;
    let theirs = 0;
    for (let at = 0; at < whole.length; at += 16_384) {
      const chunk = whole.subarray(at, at + 16_384);
      ours = unsigned(chunk, ours);
      theirs = bufferCrc32.unsigned(chunk, theirs);
      expect(ours).toBe(theirs);
    }
    expect(ours).toBe(bufferCrc32.unsigned(whole));
  });
});
