/**
 * Opens whatever `coursepack validate` is given: a zip (path or bytes), an unzipped folder, or a
 * single XML document. Anything else is refused with a clear message.
 */
import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Findings } from "../findings.js";
import { documentSource, openFolder } from "./folder-source.js";
import { type Limits, PackageRefused, type PackageSource, formatSize } from "./source.js";
import { openZip } from "./zip-source.js";

/** Local file header, empty archive, spanned archive. */
const ZIP_SIGNATURES = ["504b0304", "504b0506", "504b0708"];

/** `label` names a lone XML document given as bytes. */
export async function openPackage(
  input: string | Buffer,
  label: string,
  limits: Limits,
  findings: Findings,
): Promise<PackageSource> {
  if (Buffer.isBuffer(input)) return openBytes(input, label, limits, findings);
  const info = await stat(input).catch(() => undefined);
  if (!info) throw new PackageRefused("not-found", "not found: there is no such file or folder");
  if (info.isDirectory()) return openFolder(input, limits, findings);
  if (!info.isFile()) throw new PackageRefused("not-a-package", "neither a file nor a folder");
  const head = await readHead(input);
  if (isZip(head)) return openZip(input, limits, findings);
  if (looksLikeXml(head)) {
    if (info.size > limits.maxReadBytes)
      throw new PackageRefused(
        "zip-too-large",
        `an XML file larger than ${formatSize(limits.maxReadBytes)}; refusing to read it`,
      );
    return documentSource(path.basename(input), await readFile(input));
  }
  throw notAPackage(head);
}

async function openBytes(bytes: Buffer, label: string, limits: Limits, findings: Findings): Promise<PackageSource> {
  if (isZip(bytes)) return openZip(bytes, limits, findings);
  if (looksLikeXml(bytes)) return documentSource(path.basename(label), bytes);
  throw notAPackage(bytes);
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isZip(head: Buffer): boolean {
  return ZIP_SIGNATURES.includes(head.subarray(0, 4).toString("hex"));
}

/** A UTF-8/UTF-16 byte-order mark or whitespace, then "<". */
function looksLikeXml(head: Buffer): boolean {
  if (head[0] === 0xff && head[1] === 0xfe) return true;
  if (head[0] === 0xfe && head[1] === 0xff) return true;
  const text = head
    .subarray(0, 512)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  return text.startsWith("<");
}

function notAPackage(head: Buffer): PackageRefused {
  const empty = head.length === 0;
  const kind = empty ? "an empty file" : isText(head) ? "a text file" : "a binary file of an unknown kind";
  return new PackageRefused("not-a-package", `not a zip file, a folder or an XML manifest: it is ${kind}`);
}

function isText(head: Buffer): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary files are told apart by control characters
  return !/[\u0000-\u0008\u000e-\u001f]/.test(head.toString("latin1"));
}
