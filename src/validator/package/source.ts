/**
 * A package as the checks see it: its files (name, size) and a way to read one, whatever it came
 * from — a zip (read in place, never extracted), a folder, or a lone manifest XML file.
 */
import type { FindingCode } from "../findings.js";

export interface PackageFile {
  /** Path inside the package, "/"-separated, already checked to be safe (no "..", not absolute). */
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** Zips only: the entry's compressed size and compression method (0 stored, 8 deflate). */
  compressed?: { size: number; method: number } | undefined;
}

export interface PackageSource {
  readonly kind: "zip" | "folder" | "document";
  /** Files only (no folder entries), in archive or sorted order. */
  readonly files: readonly PackageFile[];
  /** The archive uses ZIP64 records. */
  readonly zip64: boolean;
  /** Zips only: the archive's own size in bytes. */
  readonly archiveBytes?: number | undefined;
  /** Reads one file; throws if it is larger than `limits.maxReadBytes` or cannot be read. */
  read(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Sanity limits that stop zip bombs and runaway inputs before anything is read. */
export interface Limits {
  /** Total uncompressed size. */
  maxTotalBytes: number;
  maxEntries: number;
  /**
   * A zip bomb expands to at least `bombMinBytes` in all, at more than `maxRatio` times the size of
   * the zip. Judged on the whole archive's expansion, never on one file's ratio: a 3 MB screenshot
   * saved as BMP or a long lesson compresses 1,000 times and harms nobody.
   */
  maxRatio: number;
  bombMinBytes: number;
  /** Largest single file the validator reads into memory (manifests, scripts scanned for credentials). */
  maxReadBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntries: 65_535,
  maxRatio: 100,
  bombMinBytes: 512 * 1024 ** 2,
  maxReadBytes: 64 * 1024 ** 2,
};

/** The input cannot be validated at all (not a zip, a zip bomb…): reported as its only finding. */
export class PackageRefused extends Error {
  constructor(
    readonly code: FindingCode,
    message: string,
  ) {
    super(message);
  }
}

/** Checks a package's size against the limits as entries are listed. */
export class SizeBudget {
  private total = 0;
  private count = 0;

  /**
   * `what`: "zip" or "folder", for messages; `archiveBytes`: the size of the zip file, against
   * which its expansion is judged (a folder has none).
   */
  constructor(
    private readonly limits: Limits,
    private readonly what: string,
    private readonly archiveBytes?: number,
  ) {}

  add(size: number): void {
    this.count += 1;
    this.total += size;
    if (this.count > this.limits.maxEntries) {
      throw new PackageRefused(
        "zip-too-many-entries",
        `the ${this.what} holds more than ${this.limits.maxEntries.toLocaleString("en")} files; refusing to read it`,
      );
    }
    if (this.total > this.limits.maxTotalBytes) {
      throw new PackageRefused(
        "zip-too-large",
        `the ${this.what} expands to more than ${formatSize(this.limits.maxTotalBytes)}; refusing to read it`,
      );
    }
    const archive = this.archiveBytes;
    if (
      archive !== undefined &&
      this.total >= this.limits.bombMinBytes &&
      this.total > Math.max(archive, 1) * this.limits.maxRatio
    ) {
      const ratio = Math.round(this.total / Math.max(archive, 1));
      throw new PackageRefused(
        "zip-bomb",
        `the ${this.what} of ${formatSize(archive)} expands to ${formatSize(this.total)} or more, ${ratio.toLocaleString("en")} times its size (a zip bomb: ${formatSize(this.limits.bombMinBytes)} or more, at over ${this.limits.maxRatio} times); refusing to read it`,
      );
    }
  }
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(bytes % 1024 ** 3 ? 1 : 0)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
