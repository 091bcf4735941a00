/**
 * index.html as UTF-8 bytes, put together from the layout and each page's own bytes. A
 * 1,000-lesson course's index.html is 12 MB of text, and V8 holds a string two bytes a character as
 * soon as one character of it is outside Latin-1 (a typographic quote anywhere is enough): made as
 * one string it took 23 MB for as long as the packages were written, besides the page strings it
 * was made from. So each page is encoded as soon as it is rendered, and so is the course data's
 * JSON (2 MB at 1,000 lessons); the layout is rendered around stand-ins that `assemble` replaces
 * with those bytes.
 */
import { randomBytes } from "node:crypto";

/** Pieces are written into blocks of this size (a larger one gets a block of its own). */
const BLOCK_BYTES = 1024 * 1024;

export class PageBytes {
  /**
   * A stand-in is this, the piece's index and `-->`: unique per rendering, so no text of the course
   * can be taken for one.
   */
  private readonly prefix = `<!--coursepack-page-${randomBytes(6).toString("hex")}-`;
  private readonly pieces: Buffer[] = [];
  private block = Buffer.allocUnsafe(0);
  private used = 0;

  /** Encodes a piece (a page's HTML): its bytes, and the stand-in the layout writes for it. */
  add(text: string): { standIn: string; bytes: Buffer } {
    const length = Buffer.byteLength(text);
    if (length > this.block.length - this.used) {
      this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, length));
      this.used = 0;
    }
    this.block.write(text, this.used);
    const bytes = this.block.subarray(this.used, this.used + length);
    this.pieces.push(bytes);
    this.used += length;
    return { standIn: `${this.prefix}${this.pieces.length - 1}-->`, bytes };
  }

  /** The layout's HTML with each stand-in replaced by its piece, as UTF-8. */
  assemble(layout: string): Buffer {
    const standIn = new RegExp(`${this.prefix}(\\d+)-->`, "g");
    const parts: Buffer[] = [];
    let from = 0;
    for (const m of layout.matchAll(standIn)) {
      parts.push(Buffer.from(layout.slice(from, m.index)), this.pieces[Number(m[1])]!);
      from = m.index! + m[0].length;
    }
    parts.push(Buffer.from(layout.slice(from)));
    return Buffer.concat(parts);
  }
}
