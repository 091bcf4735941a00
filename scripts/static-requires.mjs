// An esbuild plugin for @learninglocker/xapi-validation (the preview's statement validator): its
// factory.js loads every rule with `require(file)` where `file` is a variable, which esbuild cannot
// follow, so the bundled rules were missing and the preview's LRS answered every statement with a
// 500 ("Cannot find module './schemaRules/statement'"). The plugin gives the factory a table of
// literal requires, still called lazily because the rule modules require the factory in turn.
// compile.mjs also turns esbuild's "unsupported-require-call" note into an error, so any other
// dependency doing the same fails the compile instead of the user's command.
import { patchDependency } from "./patch-dependency.mjs";

const FACTORY = /[\\/]@learninglocker[\\/]xapi-validation[\\/]dist[\\/]factory\.js$/;
const COMPUTED = "return ruleAccessor(require(file))(data, path);";
const LITERAL = /require(?:Rule|File)\('(\.\/[\w/]+)'\)/g;

export const staticRequires = patchDependency("static-requires", FACTORY, (source, file) => {
  const files = [...new Set([...source.matchAll(LITERAL)].map((m) => m[1]))];
  if (!source.includes(COMPUTED) || files.length === 0)
    throw new Error(`${file} changed: update scripts/static-requires.mjs for its new way of loading rules`);
  const table = files.map((f) => `  ${JSON.stringify(f)}: () => require(${JSON.stringify(f)}),`).join("\n");
  return (
    source.replace(COMPUTED, `return ruleAccessor(__staticRequires[file]())(data, path);`) +
    `\nvar __staticRequires = {\n${table}\n};\n`
  );
});
