/** The single text box of fill-in and numeric questions. */
import { $ } from "../../player/dom.js";

export function textInput(el: HTMLElement): HTMLInputElement | null {
  return $("input", el) as HTMLInputElement | null;
}

/** Trims and collapses inner whitespace (and Unicode-normalises), the comparison rule for typed answers. */
export function normalizeSpaces(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}
