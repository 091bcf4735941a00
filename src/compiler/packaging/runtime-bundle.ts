/** The learner runtime bundles (one per tracker) that scripts/compile.mjs builds with esbuild. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { RUNTIME_DIR } from "../../shared/node/paths.js";
import type { RuntimeId } from "../targets/target.js";

const cache = new Map<RuntimeId, Promise<string>>();

export function runtimeBundle(id: RuntimeId): Promise<string> {
  let bundle = cache.get(id);
  if (!bundle) {
    const file = path.join(RUNTIME_DIR, `${id}.js`);
    bundle = readFile(file, "utf8").catch(() => {
      throw new Error(`the ${id} runtime is not compiled (${file} is missing): run \`npm run compile\``);
    });
    cache.set(id, bundle);
  }
  return bundle;
}
