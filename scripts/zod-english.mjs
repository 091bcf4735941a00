// An esbuild plugin: zod's `z` namespace exports `z.locales`, every one of its 40-odd languages
// (≈ 400 KB of the CLI's 2 MB bundle), which Node then parses at every command's start. Coursepack
// writes its own messages and only ever uses zod's default English, so `z.locales` holds just `en`.
import path from "node:path";

/** The two modules that re-export every locale: `z.locales` and `z.core.locales`. */
const REEXPORTS = /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/;

export const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!REEXPORTS.test(args.importer)) return undefined;
      return { path: "zod-locales-en", namespace: "zod-english-only", pluginData: path.dirname(args.importer) };
    });
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: 'export { default as en } from "../locales/en.js";',
      resolveDir: args.pluginData,
      loader: "js",
    }));
  },
};
