/**
 * GIFT text with its escapes resolved up front, as Moodle's importer does (`escapedchar_pre`), so
 * that `\=` or `\{` can never be mistaken for syntax — while every character remembers its offset
 * in the file for error positions.
 *
 * Escaped characters become Unicode noncharacters (U+FDD0…), one per escaped character, which keeps
 * one character per position; `text()` turns them back into what the author meant.
 */
const ESCAPABLE = ":#={}~";
const PLACEHOLDER_BASE = 0xfdd0;
/** `\n` in GIFT is a line break inside a text. */
const NEWLINE_PLACEHOLDER = String.fromCharCode(PLACEHOLDER_BASE + ESCAPABLE.length);

const placeholderOf = (c: string) => String.fromCharCode(PLACEHOLDER_BASE + ESCAPABLE.indexOf(c));

export class Cooked {
  private constructor(
    /** Syntax characters are real; escaped ones are placeholders. */
    readonly raw: string,
    /**
     * File offset of each character of `raw`. A typed array, so that `slice` is a view (no copy):
     * a question is sliced many times while it is read, and a line may be hundreds of KB long.
     */
    private readonly origins: Int32Array,
    /** File offset just past the end (for positions at the end of an empty slice). */
    private readonly endOrigin: number,
  ) {}

  /** Cooks `source[start, end)`: `\\` is a backslash, `\n` a line break, `\:` `\#` `\=` `\{` `\}` `\~` literal characters. */
  static fromSource(source: string, start: number, end: number): Cooked {
    const chars: string[] = [];
    const origins = new Int32Array(end - start);
    for (let i = start; i < end; i++) {
      const c = source[i]!;
      const next = i + 1 < end ? source[i + 1]! : "";
      origins[chars.length] = i;
      if (c === "\\" && (next === "\\" || next === "n" || ESCAPABLE.includes(next))) {
        chars.push(next === "\\" ? "\\" : next === "n" ? NEWLINE_PLACEHOLDER : placeholderOf(next));
        i++;
      } else {
        chars.push(c);
      }
    }
    return new Cooked(chars.join(""), origins.subarray(0, chars.length), end);
  }

  /** Joins pieces with a line break between them (the lines of one question). */
  static joinLines(pieces: Cooked[]): Cooked {
    const origins = new Int32Array(pieces.reduce((n, p) => n + p.length, Math.max(0, pieces.length - 1)));
    let at = 0;
    pieces.forEach((p, i) => {
      if (i > 0) origins[at++] = pieces[i - 1]!.endOrigin;
      origins.set(p.origins, at);
      at += p.length;
    });
    return new Cooked(pieces.map((p) => p.raw).join("\n"), origins, pieces.at(-1)?.endOrigin ?? 0);
  }

  get length(): number {
    return this.raw.length;
  }

  /** File offset of character `i` (or of the end). */
  offset(i = 0): number {
    return i < this.origins.length ? this.origins[i]! : this.endOrigin;
  }

  slice(start: number, end = this.raw.length): Cooked {
    const s = Math.max(0, Math.min(start, this.raw.length));
    const e = Math.max(s, Math.min(end, this.raw.length));
    return new Cooked(this.raw.slice(s, e), this.origins.subarray(s, e), this.offset(e));
  }

  trim(): Cooked {
    const start = this.raw.length - this.raw.trimStart().length;
    const end = this.raw.trimEnd().length;
    return end <= start ? this.slice(start, start) : this.slice(start, end);
  }

  /** Index of an unescaped `needle`, or -1. */
  indexOf(needle: string, from = 0): number {
    return this.raw.indexOf(needle, from);
  }

  lastIndexOf(needle: string): number {
    return this.raw.lastIndexOf(needle);
  }

  startsWith(prefix: string): boolean {
    return this.raw.startsWith(prefix);
  }

  /** Splits before every unescaped character of `markers`; each piece starts with its marker (but the first). */
  splitBefore(markers: string): Cooked[] {
    const pieces: Cooked[] = [];
    let start = 0;
    for (let i = 0; i < this.raw.length; i++) {
      if (markers.includes(this.raw[i]!) && i > start) {
        pieces.push(this.slice(start, i));
        start = i;
      }
    }
    pieces.push(this.slice(start));
    return pieces;
  }

  /** The text the author meant: escapes become their characters. */
  text(): string {
    return unescapeGift(this.raw);
  }
}

export function unescapeGift(raw: string): string {
  return raw.replace(/[\uFDD0-\uFDD6]/g, (p) => {
    const i = p.charCodeAt(0) - PLACEHOLDER_BASE;
    return i === ESCAPABLE.length ? "\n" : ESCAPABLE[i]!;
  });
}
