/**
 * The resource's file list: every shipped file, each href byte-identical to its zip entry name
 * (checklist #3, #6). Asset names are made safe when the model registers them; this guards the rule.
 */
import { xml, type XmlFragment } from "../xml.js";

const SAFE_PATH = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export function fileElements(paths: string[]): XmlFragment[] {
  for (const p of paths) {
    if (!SAFE_PATH.test(p) || p.split("/").some((s) => s === "." || s === "..")) {
      throw new Error(`internal error: unsafe package path "${p}" (only A-Z a-z 0-9 . _ - and / are allowed)`);
    }
  }
  return [...paths].sort().map(
    (href) => xml`
        <file href="${href}"/>`,
  );
}
