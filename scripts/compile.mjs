// Compiles Coursepack with esbuild: the CLI for Node (lib/cli.js), one minified learner runtime
// per tracker (lib/runtime/<tracker>.js), so each package ships only the tracker it needs, the
// preview's browser pages (lib/preview/: the tests' LMS page and the preview's LMS page with its
// debug panel), the preview's programmatic API for Node (lib/preview.js), and `coursepack test`'s
// LMS page and robot learner (lib/tester/).
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { staticRequires } from "./static-requires.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const at = (p) => path.join(root, p);
const started = performance.now();

rmSync(at("lib"), { recursive: true, force: true });

const entries = (dir) =>
  readdirSync(at(dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => at(`${dir}/${f}`));

await Promise.all([
  ...[
    ["src/cli/main.ts", "lib/cli.js"],
    ["src/preview/server/index.ts", "lib/preview.js"],
  ].map(([entry, outfile]) =>
    build({
      entryPoints: [at(entry)],
      outfile: at(outfile),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // Dependencies are bundled too: loading one file instead of hundreds of modules halves the
      // command's start-up (≈150 ms instead of ≈300 ms). esbuild and xmllint-wasm load native and
      // WebAssembly files relative to themselves, so they stay external; playwright-core (the browser
      // driver of `coursepack test`) loads its own files by path, and is imported only by that command.
      // ws's optional native helpers are left out: it works without them.
      external: ["esbuild", "xmllint-wasm", "playwright-core", "bufferutil", "utf-8-validate"],
      // Bundled CommonJS dependencies call require(); give the ES module one.
      banner: {
        js: 'import { createRequire as __coursepackRequire } from "node:module"; const require = __coursepackRequire(import.meta.url);',
      },
      sourcemap: "linked",
      plugins: [staticRequires],
      // A require() esbuild cannot follow would only fail when the user's command reaches it.
      logOverride: { "unsupported-require-call": "error" },
      logLevel: "warning",
    }),
  ),
  build({
    entryPoints: entries("src/runtime/entries"),
    outdir: at("lib/runtime"),
    bundle: true,
    platform: "browser",
    format: "iife",
    target: ["es2019", "chrome80", "firefox78", "safari15"],
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  }),
  build({
    entryPoints: [at("src/preview/client/scorm-host.ts"), at("src/preview/client/preview.ts")],
    outdir: at("lib/preview"),
    bundle: true,
    platform: "browser",
    format: "iife",
    target: ["es2020"],
    logLevel: "warning",
  }),
  build({
    entryPoints: [at("src/tester/client/lms-page.ts"), at("src/tester/client/robot-page.ts")],
    outdir: at("lib/tester"),
    bundle: true,
    platform: "browser",
    format: "iife",
    // The engines learners use: Chromium, Firefox and WebKit (Safari's family) of the last years.
    target: ["es2020", "chrome90", "firefox90", "safari15"],
    logLevel: "warning",
  }),
]);
mkdirSync(at("lib/preview"), { recursive: true });
copyFileSync(at("src/tester/client/lms-page.html"), at("lib/tester/lms-page.html"));
for (const page of readdirSync(at("src/preview/client")).filter((f) => f.endsWith(".html") || f.endsWith(".css"))) {
  copyFileSync(at(`src/preview/client/${page}`), at(`lib/preview/${page}`));
}
console.log(`compiled in ${Math.round(performance.now() - started)} ms`);
