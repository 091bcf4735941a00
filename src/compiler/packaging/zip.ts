/**
 * Writes a package as a zip from entries compressed beforehand (deflate.ts), so one compression of
 * a page serves every format's zip. Written here rather than with yazl or archiver because neither
 * takes data that is already deflated: both compress each entry of each archive again.
 *
 * Deterministic: entries in the given order, one fixed timestamp, fixed permissions, so the same
 * course always gives the same bytes. Names are UTF-8 (flag bit 11), use "/" only and never start
 * with "/" (checklist #2). Sizes and CRCs are known before each local header, so there are no data
 * descriptors (the Mac Archive Utility trips on unneeded ones). ZIP64 records only when a package
 * needs them (APPNOTE 6.3.10 §4.5.3, §4.3.14): SCORM and Tin Can LMSs may not read them.
 */
import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import type { ZipListing } from "../../validator/package/memory-source.js";
import { type DeflatedEntry, storedBytes } from "./deflate.js";

/** 2020-01-01 00:00:00 as MS-DOS date and time: inside the DOS range, the same in every time zone. */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** Unix, APPNOTE 6.3 (as Info-ZIP and yazl write it); regular file, rw-r--r--. */
const VERSION_MADE_BY = (3 << 8) | 63;
const FILE_MODE = 0o100644;
const UTF8_NAMES = 1 << 11;
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
/** Buffers per writev call (IOV_MAX on Linux is 1,024). */
const BATCH = 1000;

export async function writeZip(
  file: string,
  entries: DeflatedEntry[],
  options: { forceZip64?: boolean } = {},
): Promise<ZipListing> {
  const handle = await open(file, "w");
  const central: Buffer[] = [];
  let pending: Buffer[] = [];
  let offset = 0;
  let zip64Used = false;
  const flush = async () => {
    if (pending.length > 0) await handle.writev(pending);
    pending = [];
  };
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.name);
      const compressedSize = storedBytes(entry);
      const sizes = { size: entry.size, compressedSize, offset };
      const zip64 = options.forceZip64 || entry.size >= MAX_32 || compressedSize >= MAX_32;
      const local = localHeader(entry, name, sizes, zip64);
      const record = centralHeader(entry, name, sizes, options.forceZip64 ?? false);
      zip64Used ||= zip64 || record.zip64;
      pending.push(local);
      offset += local.length + compressedSize;
      if (Buffer.isBuffer(entry.data)) pending.push(entry.data);
      else {
        await flush();
        await copyInto(handle, entry.data.file);
      }
      if (pending.length >= BATCH) await flush();
      central.push(record.header);
    }
    const directorySize = central.reduce((n, b) => n + b.length, 0);
    const end = directoryEnd(entries.length, directorySize, offset, options.forceZip64 ?? false);
    pending.push(...central, ...end);
    await flush();
    return {
      bytes: offset + directorySize + end.reduce((n, b) => n + b.length, 0),
      zip64: zip64Used || end.length > 1,
      entries: entries.map((e) => ({
        name: e.name,
        size: e.size,
        compressed: { size: storedBytes(e), method: e.method },
      })),
    };
  } finally {
    await handle.close();
  }
}

interface Sizes {
  size: number;
  compressedSize: number;
  offset: number;
}

function localHeader(entry: DeflatedEntry, name: Buffer, sizes: Sizes, zip64: boolean): Buffer {
  const extra = zip64 ? zip64Extra([sizes.size, sizes.compressedSize]) : Buffer.alloc(0);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(zip64 ? 45 : 20, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(entry.crc32, 14);
  header.writeUInt32LE(zip64 ? MAX_32 : sizes.compressedSize, 18);
  header.writeUInt32LE(zip64 ? MAX_32 : sizes.size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, name, extra]);
}

function centralHeader(
  entry: DeflatedEntry,
  name: Buffer,
  sizes: Sizes,
  force: boolean,
): { header: Buffer; zip64: boolean } {
  // Only the fields that do not fit go into the ZIP64 extra field, in this order (§4.5.3).
  const large = [sizes.size, sizes.compressedSize, sizes.offset].map((n) => force || n >= MAX_32);
  const extra = large.some(Boolean)
    ? zip64Extra([sizes.size, sizes.compressedSize, sizes.offset].filter((_, i) => large[i]))
    : Buffer.alloc(0);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION_MADE_BY, 4);
  header.writeUInt16LE(extra.length > 0 ? 45 : 20, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc32, 16);
  header.writeUInt32LE(large[1] ? MAX_32 : sizes.compressedSize, 20);
  header.writeUInt32LE(large[0] ? MAX_32 : sizes.size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  // comment length, disk number, internal attributes: 0
  header.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
  header.writeUInt32LE(large[2] ? MAX_32 : sizes.offset, 42);
  return { header: Buffer.concat([header, name, extra]), zip64: extra.length > 0 };
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  for (const [i, value] of values.entries()) extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i);
  return extra;
}

/** The end of central directory record, after the ZIP64 one and its locator when needed. */
function directoryEnd(count: number, size: number, offset: number, force: boolean): Buffer[] {
  const zip64 = force || count > MAX_16 || size >= MAX_32 || offset >= MAX_32;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? MAX_16 : count, 8);
  end.writeUInt16LE(zip64 ? MAX_16 : count, 10);
  end.writeUInt32LE(zip64 ? MAX_32 : size, 12);
  end.writeUInt32LE(zip64 ? MAX_32 : offset, 16);
  if (!zip64) return [end];
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(VERSION_MADE_BY, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + size), 8);
  locator.writeUInt32LE(1, 16);
  return [record, locator, end];
}

/** Streams a large entry's stored bytes into the zip. */
async function copyInto(handle: FileHandle, file: string): Promise<void> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) await handle.write(chunk as Buffer);
}
