// An esbuild plugin: markdown-it's published build declares its classes' fields with Babel's
// `_defineProperty(this, "name", value)` helper, so every Token (142,000 of them at 1,000 lessons)
// runs it eleven times. On a fresh instance the helper only assigns, so each call becomes
// `this.name = value`. A 1,000-lesson course built in 0.97× the time (eight interleaved runs a
// side, twice; the helper had 49 ms of its own in the profile), with 30–100 ms less CPU.
import { patchDependency } from "./patch-dependency.mjs";

const FIELD = /_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"(\w+)",\s*([^;]*?)\s*\);/g;

export const markdownItFields = patchDependency(
  "markdown-it-fields",
  /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/,
  (source, file) => {
    const contents = source.replace(FIELD, "this.$1 = $2;");
    if (contents.includes("_defineProperty(this"))
      throw new Error(`${file}: a class field this plugin does not recognise; see scripts/markdown-it-fields.mjs`);
    return contents;
  },
);
