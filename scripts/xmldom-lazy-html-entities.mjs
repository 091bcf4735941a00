// An esbuild plugin: @xmldom/xmldom builds its table of 2,231 HTML entities when it is loaded,
// copying each entry's property descriptor into a new object and freezing it, about 14 ms of
// every `build` and `validate` (27 ms to load the module on its own). Coursepack parses XML only
// (manifests, XLIFF), which uses the five XML entities; the HTML table is made the first time it
// is read instead.
import { patchDependency } from "./patch-dependency.mjs";

const TABLE = "exports.HTML_ENTITIES = freeze({";
const ALIAS = "exports.entityMap = exports.HTML_ENTITIES;";

export const xmldomLazyHtmlEntities = patchDependency(
  "xmldom-lazy-html-entities",
  /[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]entities\.js$/,
  (source, file) => {
    if (source.split(TABLE).length !== 2 || source.split(ALIAS).length !== 2)
      throw new Error(`${file}: not the layout this plugin knows; see scripts/xmldom-lazy-html-entities.mjs`);
    return source.replace(TABLE, "var htmlEntities = () => freeze({").replace(
      ALIAS,
      `var html;
Object.defineProperty(exports, "HTML_ENTITIES", { enumerable: true, get: () => (html ??= htmlEntities()) });
Object.defineProperty(exports, "entityMap", { enumerable: true, get: () => exports.HTML_ENTITIES });`,
    );
  },
);
