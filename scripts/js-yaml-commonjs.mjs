// An esbuild plugin that bundles js-yaml's CommonJS build instead of its ES module build. The two
// hold the same parser, but on Node 20 the ES module build ran it about twice as slowly: 20,000
// one-question quizzes (what `import-gift` loads back) in 1.85–2.2 s against 0.66–1.25 s, a 4 MB
// quiz file in 0.5–0.9 s against 0.3–0.5 s. Profiles put the difference in the parser's reads of
// its state object (parseNode: 446 against 99 ms of its own time), which the ES build makes with
// object spread and the CommonJS build with Babel's helper, and in garbage collection (1.06
// against 0.47 s). Measured with both files of js-yaml 5.5.0 from node_modules.
import { createRequire } from "node:module";

const commonJsBuild = createRequire(import.meta.url).resolve("js-yaml");

export const jsYamlCommonJs = {
  name: "js-yaml-commonjs",
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: commonJsBuild }));
  },
};
