/**
 * Maps relative references (images, downloadable files, the logo) to files in the package.
 * Package names keep the folder structure but only use [A-Za-z0-9._-] (checklist #3), so the zip
 * entry name and the manifest href are byte-identical on every LMS, and never a name Windows
 * reserves (`CON`, `aux.png`), which an LMS on a Windows server could not unpack.
 */
import path from "node:path";
import { windowsNameProblem } from "../../validator/package/names.js";
import { isExternal } from "../markdown/rules/references.js";

/** Splits `img/a b.png?x#y` into the decoded file path part. */
export function referencePath(url: string): string {
  const bare = url.replace(/[?#].*$/, "");
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

export function isLessonLink(url: string): boolean {
  return /\.md$/i.test(referencePath(url));
}

export function resolveReference(url: string, fromFile: string): string {
  return path.resolve(path.dirname(fromFile), referencePath(url));
}

export class AssetMap {
  /** Absolute source path → package path ("assets/…"). */
  private readonly byFile = new Map<string, string>();
  private readonly taken = new Set<string>();
  /** In a translation: files shipped in the translation's language instead (versions.ts). */
  private readonly versions = new Map<string, { file: string; language: string }>();

  constructor(
    private readonly root: string,
    /** The language of the course's own files. */
    readonly language: string,
  ) {}

  /** Registers a referenced file and returns its package path. */
  add(file: string): string {
    const existing = this.byFile.get(file);
    if (existing) return existing;
    const rel = path.relative(this.root, file).split(path.sep).map(safeSegment).join("/");
    let name = `assets/${rel}`;
    const ext = path.posix.extname(name);
    for (let n = 2; this.taken.has(name.toLowerCase()); n++)
      name = `assets/${rel.slice(0, rel.length - ext.length)}-${n}${ext}`;
    this.taken.add(name.toLowerCase());
    this.byFile.set(file, name);
    return name;
  }

  /** An independent copy (a translation may add its own images). */
  copy(): AssetMap {
    const copy = new AssetMap(this.root, this.language);
    for (const [file, name] of this.byFile) copy.byFile.set(file, name);
    for (const name of this.taken) copy.taken.add(name);
    for (const [file, version] of this.versions) copy.versions.set(file, version);
    return copy;
  }

  /** Ships `version`, the file in `language`, wherever the course references `file`. */
  useVersion(file: string, version: string, language: string): void {
    const name = this.byFile.get(file);
    if (name === undefined) return;
    this.byFile.delete(file);
    this.taken.delete(name.toLowerCase());
    this.add(version);
    this.versions.set(file, { file: version, language });
  }

  /** Package path of a referenced file (of its version in the package's language, if there is one). */
  get(file: string): string | undefined {
    return this.byFile.get(this.versions.get(file)?.file ?? file);
  }

  /** The language of what the package ships for a referenced file. */
  languageOf(file: string): string {
    return this.versions.get(file)?.language ?? this.language;
  }

  /** [source file, package path] pairs, sorted by package path for deterministic packages. */
  entries(): [string, string][] {
    return [...this.byFile].sort((a, b) => (a[1] < b[1] ? -1 : 1));
  }

  static isAsset(url: string): boolean {
    return !isExternal(url) && !url.startsWith("#") && !isLessonLink(url) && referencePath(url) !== "";
  }
}

function safeSegment(segment: string): string {
  const clean = segment
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+/, "")
    .replace(/\.+$/, "");
  if (!clean) return "file";
  // `CON.svg` → `CON_.svg`: Windows servers cannot store device names, with any extension.
  if (windowsNameProblem(clean)) return clean.replace(/^[^.]*/, (base) => `${base}_`);
  return clean;
}
