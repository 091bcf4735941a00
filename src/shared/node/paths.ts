/** Where Coursepack's own files are, whether it runs from source (tests) or compiled (lib/). */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "coursepack")
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find Coursepack's package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates");
/** Runtime bundles made by scripts/compile.mjs. */
export const RUNTIME_DIR = path.join(PACKAGE_ROOT, "lib", "runtime");
export const VERSION = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }
).version;
/** The preview's LMS page (src/preview/client), bundled by scripts/compile.mjs. */
export const PREVIEW_CLIENT_DIR = path.join(PACKAGE_ROOT, "lib", "preview");
/** The LMS profiles (profiles/<id>.yml), shipped as data files. */
export const PROFILES_DIR = path.join(PACKAGE_ROOT, "profiles");
/** `coursepack test`'s LMS page and robot (src/tester/client), bundled by scripts/compile.mjs. */
export const TESTER_CLIENT_DIR = path.join(PACKAGE_ROOT, "lib", "tester");
