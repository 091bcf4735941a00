// What the esbuild plugins that rewrite a dependency's source share: the file matched by `filter`
// is read and handed to `patch`, whose text esbuild bundles instead. `patch` throws when the source
// is not the layout it knows: a new release must be looked at again, not half-rewritten.
import { readFile } from "node:fs/promises";

/** @param patch (source, path) => the rewritten source */
export function patchDependency(name, filter, patch) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter }, async (args) => ({
        contents: patch(await readFile(args.path, "utf8"), args.path),
        loader: "js",
      }));
    },
  };
}
