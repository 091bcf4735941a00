// An esbuild plugin for @learninglocker/xapi-validation (the preview's statement validator): its
// factory.js loads every rule with `require(file)` where `file` is a variable, which esbuild cannot
// follow, so the bundled rules were missing and the preview's LRS answered every statement with a
// 500 ("Cannot find module './schemaRules/statement'"). The plugin gives the factory a table of
// literal requires, still called lazily because the rule modules require the factory in turn.
// compile.mjs also turns esbuild's "unsupported-require-call" note into an error, so any other
// dependency doing the same fails the compile instead of the user's command.
import { readFile } from "node:fs/promises";

const FACTORY = /[\\/]@learninglocker[\\/]xapi-validation[\\/]dist[\\/]factory\.js$/;
const COMPUTED = "return ruleAccessor(require(file))(data, path);";
const LITERAL = /require(?:Rule|File)\('(\.\/[\w/]+)'\)/g;

export const staticRequires = {
  name: "static-requires",
  setup(build) {
    build.onLoad({ filter: FACTORY }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const files = [...new Set([...source.matchAll(LITERAL)].map((m) => m[1]))];
      if (!source.includes(COMPUTED) || files.length === 0)
        throw new Error(`${args.path} changed: update scripts/static-requires.mjs for its new way of loading rules`);
      const table = files.map((f) => `  ${JSON.stringify(f)}: () => require(${JSON.stringify(f)}),`).join("\n");
      return {
        contents:
          source.replace(COMPUTED, `return ruleAccessor(__staticRequires[file]())(data, path);`) +
          `\nvar __staticRequires = {\n${table}\n};\n`,
        loader: "js",
      };
    });
  },
};
