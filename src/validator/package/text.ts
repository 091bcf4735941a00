/**
 * A file's bytes as UTF-8 text, decoded once per Buffer. The build checks every format's package
 * from memory (memory-source.ts), and they share one Buffer for each shared file: decoding a
 * 1,000-lesson course's 12 MB page once instead of once per check saved 0.6 s. Zips and folders
 * read a new Buffer each time, so nothing is kept for them. The build makes the page as bytes
 * (render/page-bytes.ts), so the credentials scan decodes it here, once per language: about 50 ms
 * for a 500-lesson course's 6 MB page. A page over 8 MB is not scanned (credentials.ts), and
 * build-stamp.ts searches the bytes, so a 1,000-lesson course's page is never decoded.
 */
import { once } from "../../shared/once.js";

const decoded = new WeakMap<Buffer, string>();

export function textOf(bytes: Buffer): string {
  return once(decoded, bytes, () => bytes.toString("utf8"));
}
