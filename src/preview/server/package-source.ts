/**
 * A package from any tool (a zip, or its unzipped folder): its standard, edition and launch file
 * come from its manifest (the package reader and detection of `coursepack validate`), and its
 * files are served straight from the zip, never extracted.
 */
import path from "node:path";
import { findLaunch, type PackageLaunch } from "../../validator/launch.js";
import { Findings } from "../../validator/findings.js";
import { openPackage } from "../../validator/package/open.js";
import { DEFAULT_LIMITS, PackageRefused, type PackageSource } from "../../validator/package/source.js";
import type { Launchable } from "../protocol.js";
import { launchableFrom, type PreviewSource } from "./source.js";

/** Media files can be large; the preview reads any file the course asks for (within the zip-bomb limits). */
const LIMITS = { ...DEFAULT_LIMITS, maxReadBytes: DEFAULT_LIMITS.maxTotalBytes };

export class PackagePreviewSource implements PreviewSource {
  readonly kind = "package";
  readonly name: string;
  private readonly names: Set<string>;

  private constructor(
    file: string,
    private readonly source: PackageSource,
    private readonly found: PackageLaunch,
  ) {
    this.name = path.basename(file);
    this.names = new Set(source.files.map((f) => f.name));
  }

  static async open(file: string): Promise<PackagePreviewSource> {
    let source: PackageSource;
    try {
      source = await openPackage(file, file, LIMITS, new Findings());
    } catch (error) {
      throw new Error(`${file}: ${error instanceof PackageRefused ? error.message : String(error)}`);
    }
    if (source.kind === "document") {
      await source.close();
      throw new Error(`${file}: a lone manifest cannot be previewed; give the package (a .zip or its folder)`);
    }
    try {
      return new PackagePreviewSource(file, source, await findLaunch(source));
    } catch (error) {
      await source.close();
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  }

  launchable(): Launchable {
    return { ...launchableFrom(this.found), title: this.found.title || this.name };
  }

  launch(): PackageLaunch {
    return this.found;
  }

  build(): null {
    return null;
  }

  format(): null {
    return null;
  }

  formats(): [] {
    return [];
  }

  async read(name: string): Promise<Buffer | undefined> {
    if (!this.names.has(name)) return undefined;
    return this.source.read(name);
  }

  close(): Promise<void> {
    return this.source.close();
  }
}
