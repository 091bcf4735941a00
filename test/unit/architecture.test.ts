/**
 * The source tree's layering, checked: each top-level folder of src/ may import only the folders
 * below it (the CLI on top, shared at the bottom), so there are no cycles between folders, and code
 * that runs in the browser never imports Node code. docs/development.md draws the same picture.
 */
import { readFileSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

/** Folder → the folders it may import (besides itself). Must stay acyclic. */
const ALLOWED: Record<string, readonly string[]> = {
  cli: [
    "updates",
    "compiler",
    "validator",
    "importers",
    "tester",
    "translation",
    "report",
    "preview/server",
    "preview/protocol",
    "lms-profiles",
    "shared",
    "shared/node",
  ],
  updates: ["compiler", "validator", "shared", "shared/node"],
  tester: [
    "compiler",
    "validator",
    "preview/server",
    "preview/protocol",
    "tester/protocol",
    "lms-profiles",
    "shared",
    "shared/node",
  ],
  "tester/client": ["tester/protocol", "preview/client", "preview/protocol", "shared"],
  "tester/protocol": ["preview/protocol", "shared"],
  "preview/server": ["compiler", "validator", "preview/protocol", "lms-profiles", "shared", "shared/node"],
  importers: ["compiler", "shared", "shared/node"],
  translation: ["compiler", "shared", "shared/node"],
  report: ["compiler", "shared", "shared/node"],
  compiler: ["validator", "lms-profiles", "shared", "shared/node"],
  validator: ["lms-profiles", "shared", "shared/node"],
  "lms-profiles": ["shared", "shared/node"],
  "preview/client": ["preview/protocol", "shared"],
  "preview/protocol": ["shared"],
  runtime: ["shared"],
  "shared/node": ["shared"],
  shared: [],
};
const BROWSER = new Set([
  "runtime",
  "preview/client",
  "preview/protocol",
  "tester/client",
  "tester/protocol",
  "shared",
]);

function areaOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep).join("/").replace(/\.js$/, ".ts");
  if (rel.startsWith("shared/node/")) return "shared/node";
  if (rel === "preview/protocol.ts") return "preview/protocol";
  if (rel.startsWith("preview/")) return rel.split("/").slice(0, 2).join("/");
  if (rel === "tester/protocol.ts") return "tester/protocol";
  if (rel.startsWith("tester/client/")) return "tester/client";
  return rel.split("/")[0]!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function specifiers(file: string): string[] {
  const code = readFileSync(file, "utf8");
  const found = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  found.push(...[...code.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)].map((m) => m[1]!));
  found.push(...[...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
  return found;
}

const NODE_BUILTINS = new Set(builtinModules);
const files = sourceFiles(SRC);

describe("source tree layering", () => {
  it("the allowed imports form no cycle", () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (area: string, trail: string[]): void => {
      if (done.has(area)) return;
      expect(visiting.has(area), `cycle: ${[...trail, area].join(" → ")}`).toBe(false);
      visiting.add(area);
      for (const next of ALLOWED[area] ?? []) visit(next, [...trail, area]);
      visiting.delete(area);
      done.add(area);
    };
    for (const area of Object.keys(ALLOWED)) visit(area, []);
  });

  it("every file imports only from its own folder or the folders below it", () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = areaOf(file);
      expect(ALLOWED[from], `${path.relative(SRC, file)} is in no known folder`).toBeDefined();
      for (const spec of specifiers(file).filter((s) => s.startsWith("."))) {
        const to = areaOf(path.resolve(path.dirname(file), spec));
        if (to !== from && !ALLOWED[from]!.includes(to))
          wrong.push(`${path.relative(SRC, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("code that runs in the browser imports no Node module", () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => BROWSER.has(areaOf(f)))) {
      for (const spec of specifiers(file)) {
        if (spec.startsWith("node:") || NODE_BUILTINS.has(spec))
          wrong.push(`${path.relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("finds the imports it checks (the scanner itself works)", () => {
    const cli = files.find((f) => f.endsWith(path.join("cli", "main.ts")))!;
    expect(specifiers(cli).some((s) => s.startsWith("./commands/"))).toBe(true);
    expect(areaOf(path.join(SRC, "preview/server/preview.ts"))).toBe("preview/server");
    expect(areaOf(path.join(SRC, "shared/node/paths.ts"))).toBe("shared/node");
  });
});
