/**
 * Reads a zip in place with yauzl: entries are listed from the central directory and checked
 * (names, sizes, compression) before a single byte is inflated; files are read into memory only
 * when a check needs them. yauzl also stops any entry that inflates past its declared size, so the
 * declared sizes the limits are checked against can be trusted.
 */
import { open, stat } from "node:fs/promises";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { Findings } from "../findings.js";
import { unsafeEntryReason } from "./names.js";
import { type Limits, type PackageFile, PackageRefused, type PackageSource, SizeBudget, formatSize } from "./source.js";

const STORED = 0;
const DEFLATE = 8;
const ZIP64_EXTRA_FIELD = 0x0001;

export async function openZip(input: string | Buffer, limits: Limits, findings: Findings): Promise<PackageSource> {
  // decodeStrings: false so yauzl does not reject unsafe names itself: they are reported, not fatal.
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
  let zip: ZipFile;
  try {
    zip =
      typeof input === "string"
        ? await yauzl.openPromise(input, options)
        : await yauzl.fromBufferPromise(input, options);
  } catch (error) {
    const message = (error as Error).message;
    if (/end of central directory record signature not found/.test(message)) {
      throw new PackageRefused("not-a-package", "not a zip file: it has no zip directory");
    }
    throw new PackageRefused("zip-corrupt", `a damaged zip file: ${message}`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new PackageRefused(
        "zip-too-many-entries",
        `the zip holds ${zip.entryCount.toLocaleString("en")} entries, more than ${limits.maxEntries.toLocaleString("en")}; refusing to read it`,
      );
    }
    const archiveBytes = typeof input === "string" ? (await stat(input)).size : input.length;
    const source = await listEntries(zip, limits, findings, archiveBytes);
    return { ...source, archiveBytes, zip64: source.zip64 || (await hasZip64Records(input)) };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function listEntries(
  zip: ZipFile,
  limits: Limits,
  findings: Findings,
  archiveBytes: number,
): Promise<PackageSource> {
  const budget = new SizeBudget(limits, "zip", archiveBytes);
  const byName = new Map<string, Entry>();
  const files: PackageFile[] = [];
  let zip64 = false;
  for await (const entry of entries(zip)) {
    const raw = entry.fileName as unknown as Buffer;
    const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
    budget.add(entry.uncompressedSize);
    if (entry.extraFields.some((f) => f.id === ZIP64_EXTRA_FIELD)) zip64 = true;
    const unsafe = unsafeEntryReason(name);
    if (unsafe) {
      findings.add("unsafe-zip-entry", { file: name }, `zip entry "${name}" ${unsafe}; it was not read`);
      continue;
    }
    if (name.endsWith("/")) continue;
    if (isSymlink(entry)) {
      const target = await linkTarget(zip, entry);
      findings.add(
        "zip-symlink",
        { file: name },
        `zip entry "${name}" is a symbolic link${target ? ` to "${target}"` : ""}, not a file; an LMS that unpacks with unzip creates the link on its server; it was not read`,
      );
      continue;
    }
    if (byName.has(name)) {
      findings.add(
        "duplicate-zip-entry",
        { file: name },
        `the zip holds "${name}" more than once; LMSs keep either copy`,
      );
      continue;
    }
    if ((entry.generalPurposeBitFlag & 0x1) !== 0) {
      findings.add("zip-encrypted", { file: name }, `"${name}" is encrypted; no LMS can extract it`);
    } else if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATE) {
      findings.add(
        "zip-compression-method",
        { file: name },
        `"${name}" uses compression method ${entry.compressionMethod}; LMSs only extract Deflate (8) and Stored (0)`,
      );
    }
    byName.set(name, entry);
    files.push({
      name,
      size: entry.uncompressedSize,
      compressed: { size: entry.compressedSize, method: entry.compressionMethod },
    });
  }
  return {
    kind: "zip",
    files,
    zip64,
    async read(name) {
      const entry = byName.get(name);
      if (!entry) throw new Error(`${name} is not in the package`);
      if (entry.uncompressedSize > limits.maxReadBytes)
        throw new Error(`${name} is larger than ${formatSize(limits.maxReadBytes)}`);
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    async close() {
      zip.close();
    },
  };
}

/** Unix zip tools (`zip -y`, Info-ZIP, macOS) store the file mode in the high 16 bits of the external attributes. */
const MADE_BY_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function isSymlink(entry: Entry): boolean {
  return entry.versionMadeBy >> 8 === MADE_BY_UNIX && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/** A link's entry holds its target path; read it for the message when it is short. */
async function linkTarget(zip: ZipFile, entry: Entry): Promise<string | undefined> {
  if (entry.uncompressedSize > 4096) return undefined;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  } catch {
    return undefined;
  }
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_LOCATOR = 0x07064b50;
/** End of central directory (22 bytes) + the longest comment. */
const TAIL_BYTES = 22 + 0xffff + 20;

/** A ZIP64 end-of-central-directory locator sits right before the end-of-central-directory record. */
async function hasZip64Records(input: string | Buffer): Promise<boolean> {
  let tail: Buffer;
  if (typeof input === "string") {
    const handle = await open(input, "r");
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, TAIL_BYTES);
      tail = Buffer.alloc(length);
      await handle.read(tail, 0, length, size - length);
    } finally {
      await handle.close();
    }
  } else {
    tail = input.subarray(Math.max(0, input.length - TAIL_BYTES));
  }
  const eocd = tail.lastIndexOf(EOCD);
  return eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR;
}

/** yauzl's lazy entry events as an async iterator. */
async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | undefined>((resolve, reject) => {
      const cleanup = () => {
        zip.off("entry", onEntry);
        zip.off("end", onEnd);
        zip.off("error", onError);
      };
      const onEntry = (e: Entry) => {
        cleanup();
        resolve(e);
      };
      const onEnd = () => {
        cleanup();
        resolve(undefined);
      };
      const onError = (e: Error) => {
        cleanup();
        reject(new PackageRefused("zip-corrupt", `a damaged zip file: ${e.message}`));
      };
      zip.on("entry", onEntry);
      zip.on("end", onEnd);
      zip.on("error", onError);
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}
