/**
 * The package seen from the folder that holds its manifest (the zip root, or a wrapper folder
 * that was reported): references in the manifest are resolved against it, findings name the
 * real path inside the zip.
 */
import type { PackageFile, PackageSource } from "./source.js";

export type Lookup =
  | { found: true; name: string }
  /** Not there byte for byte; `near` is a file whose name differs only in letter case or URL-encoding. */
  | { found: false; near?: { name: string; by: "case" | "encoding" } };

export class PackageView {
  readonly files: readonly PackageFile[];
  private readonly names: Set<string>;
  private readonly lowerCase = new Map<string, string>();

  constructor(
    readonly source: PackageSource,
    readonly root: string,
  ) {
    this.files = source.files
      .filter((f) => f.name.startsWith(root))
      .map((f) => ({ ...f, name: f.name.slice(root.length) }));
    this.names = new Set(this.files.map((f) => f.name));
    for (const f of this.files)
      if (!this.lowerCase.has(f.name.toLowerCase())) this.lowerCase.set(f.name.toLowerCase(), f.name);
  }

  get scope(): "package" | "document" {
    return this.source.kind === "document" ? "document" : "package";
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  lookup(name: string): Lookup {
    if (this.names.has(name)) return { found: true, name };
    const decoded = safeDecode(name);
    if (decoded !== name && this.names.has(decoded)) return { found: false, near: { name: decoded, by: "encoding" } };
    const other = this.lowerCase.get(decoded.toLowerCase());
    return other ? { found: false, near: { name: other, by: "case" } } : { found: false };
  }

  read(name: string): Promise<Buffer> {
    return this.source.read(this.root + name);
  }

  /** Path inside the zip, for findings. */
  real(name: string): string {
    return this.root + name;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
