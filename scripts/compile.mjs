// Compiles Coursepack with esbuild: the CLI for Node (lib/cli.js and its chunks), one minified learner runtime
// per tracker (lib/runtime/<tracker>.js), so each package ships only the tracker it needs, the
// preview's browser pages (lib/preview/: the tests' LMS page and the preview's LMS page with its
// debug panel), the preview's programmatic API for Node (lib/preview.js), the default theme and
// block stylesheets minified (lib/theme.min.css, lib/blocks/*.min.css), the JSON Schemas for editors
// (lib/schemas/), and `coursepack test`'s LMS page and robot learner (lib/tester/).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import CleanCSS from "clean-css";
import { build } from "esbuild";
import { jsYamlCommonJs } from "./js-yaml-commonjs.mjs";
import { markdownItFields } from "./markdown-it-fields.mjs";
import { xmldomLazyHtmlEntities } from "./xmldom-lazy-html-entities.mjs";
import { staticRequires } from "./static-requires.mjs";
import { zodEnglishOnly } from "./zod-english.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const at = (p) => path.join(root, p);
const started = performance.now();

rmSync(at("lib"), { recursive: true, force: true });

const entries = (dir) =>
  readdirSync(at(dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => at(`${dir}/${f}`));

await Promise.all([
  build({
    entryPoints: { cli: at("src/cli/main.ts"), preview: at("src/preview/server/index.ts") },
    outdir: at("lib"),
    // Code shared by the two entries, and what a command loads only when it runs (the build, the
    // preview, clean-css…), goes into chunks: \`coursepack --version\` loads a few kilobytes.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies are bundled too: loading a few files instead of hundreds of modules halves the
    // command's start-up, and the published package has no dependencies to install.
    // Bundled CommonJS dependencies call require(); give the ES modules one.
    banner: {
      js: 'import { createRequire as __coursepackRequire } from "node:module"; const require = __coursepackRequire(import.meta.url);',
    },
    plugins: [staticRequires, zodEnglishOnly, jsYamlCommonJs, markdownItFields, xmldomLazyHtmlEntities],
    // A require() esbuild cannot follow would only fail when the user's command reaches it.
    logOverride: { "unsupported-require-call": "error" },
    logLevel: "warning",
  }),
  build({
    entryPoints: entries("src/runtime/entries"),
    outdir: at("lib/runtime"),
    bundle: true,
    platform: "browser",
    format: "iife",
    // The oldest browsers learners may bring (docs/browsers.md). Chrome 91, not 80: esbuild lowers
    // `?.` for Chrome before 91 (a V8 bug with optional calls), which cost ~600 bytes gzipped of
    // the 25 KB SCORM budget; Chrome and Edge 91 came out in May 2021, before the Safari 15 floor.
    target: ["chrome91", "firefox78", "safari15"],
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
    // Served to the author's browser from localhost only; minified, they halve the package.
    minify: true,
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
    minify: true,
    logLevel: "warning",
  }),
]);
mkdirSync(at("lib/preview"), { recursive: true });
copyFileSync(at("src/tester/client/lms-page.html"), at("lib/tester/lms-page.html"));
// xmllint (libxml2 in WebAssembly, MIT) runs from files, not from the bundle: copy them with their
// licence (src/validator/xmllint-pool.ts loads them). The module is CommonJS: .cjs, because
// Coursepack's package.json says "type": "module".
mkdirSync(at("lib/xmllint"), { recursive: true });
for (const [from, to] of [
  ["xmllint-node.js", "xmllint-node.cjs"],
  ["xmllint.wasm", "xmllint.wasm"],
  ["COPYING", "COPYING"],
]) {
  copyFileSync(at(`node_modules/xmllint-wasm/${from}`), at(`lib/xmllint/${to}`));
}
// The default theme and the blocks' stylesheets, minified once here rather than in every build
// (src/compiler/render/css.ts): templates/<name>.css → lib/<name>.min.css.
const cssSources = [
  "theme.css",
  ...readdirSync(at("templates/blocks"))
    .filter((f) => f.endsWith(".css"))
    .map((f) => `blocks/${f}`),
];
mkdirSync(at("lib/blocks"), { recursive: true });
for (const rel of cssSources) {
  const minified = new CleanCSS({ level: 1, inline: false, rebase: false }).minify(
    readFileSync(at(`templates/${rel}`), "utf8"),
  );
  if (minified.errors.length) throw new Error(`templates/${rel}: ${minified.errors.join("; ")}`);
  writeFileSync(at(`lib/${rel.replace(/\.css$/, ".min.css")}`), minified.styles);
}
for (const page of readdirSync(at("src/preview/client")).filter((f) => f.endsWith(".html") || f.endsWith(".css"))) {
  copyFileSync(at(`src/preview/client/${page}`), at(`lib/preview/${page}`));
}
/** Bundles one of Coursepack's TypeScript modules for Node and imports it here, to write into lib/. */
async function importSource(entry) {
  const bundled = await build({
    entryPoints: [at(entry)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    // Bundled CommonJS (Handlebars) needs require(), and the module runs from a data: URL.
    banner: {
      js: `import { createRequire } from "node:module"; const require = createRequire(${JSON.stringify(at("package.json"))});`,
    },
    logLevel: "warning",
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`);
}
// JSON Schemas for editors, generated from the zod schemas (src/compiler/schema/json-schema.ts).
const { JSON_SCHEMAS, jsonSchema } = await importSource("src/compiler/schema/json-schema.ts");
const { version } = JSON.parse(readFileSync(at("package.json"), "utf8"));
mkdirSync(at("lib/schemas"), { recursive: true });
for (const name of Object.keys(JSON_SCHEMAS)) {
  writeFileSync(
    at(`lib/schemas/${JSON_SCHEMAS[name].file}`),
    `${JSON.stringify(jsonSchema(name, version), null, 2)}\n`,
  );
}
// The default templates, compiled by Handlebars now rather than in every build
// (src/compiler/render/template-specs.ts): templates/**/*.hbs → lib/templates.js.
const { shippedSpecsModule } = await importSource("src/compiler/render/template-specs.ts");
const templateSources = readdirSync(at("templates"), { recursive: true })
  .filter((f) => f.endsWith(".hbs"))
  .sort()
  .map((f) => readFileSync(at(`templates/${f}`), "utf8"));
writeFileSync(at("lib/templates.js"), await shippedSpecsModule(templateSources));
console.log(`compiled in ${Math.round(performance.now() - started)} ms`);
