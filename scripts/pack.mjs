// Packs Coursepack's npm packages as `npm publish` would and installs the tarballs into a clean
// prefix, for the packed-package tests (test/package/) and the benchmark's install figures. lib/
// must be compiled first (scripts/compile.mjs): packing skips the `prepack` script to save time.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * The environment for a child npm: the caller's, without the npm_* variables `npm test` or
 * `npm run` set (a prefix or package settings of the repository would leak into the install), but
 * keeping the cache and registry so installs stay warm and offline-friendly.
 * @returns {NodeJS.ProcessEnv}
 */
export function npmEnv() {
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_") || keep.has(key.toLowerCase())),
  );
}

/**
 * `npm pack` of the package in `dir`; returns the tarball's path in `destination`.
 * @param {string} dir
 * @param {string} destination
 * @returns {string}
 */
export function pack(dir, destination) {
  mkdirSync(destination, { recursive: true });
  const out = execFileSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", destination], {
    cwd: dir,
    env: npmEnv(),
    encoding: "utf8",
  });
  const [info] = /** @type {{ filename: string }[]} */ (JSON.parse(out));
  if (!info) throw new Error(`npm pack in ${dir} made no tarball`);
  return path.join(destination, info.filename);
}

/**
 * Installs tarballs as a user would (`npm install --global`), into `prefix` rather than the
 * machine's global folder. Prefers the npm cache: only what it lacks comes from the registry.
 * @param {string[]} tarballs
 * @param {string} prefix
 */
export function installGlobal(tarballs, prefix) {
  mkdirSync(prefix, { recursive: true });
  execFileSync(
    npm,
    [
      "install",
      "--global",
      "--prefix",
      prefix,
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...tarballs,
    ],
    { cwd: prefix, env: npmEnv(), stdio: ["ignore", "ignore", "inherit"] },
  );
}

/**
 * Packs the package in `root` and installs it into `<work>/prefix`.
 * @param {string} root
 * @param {string} work
 * @returns {{ tarball: string, prefix: string }}
 */
export function packAndInstall(root, work) {
  const tarball = pack(root, path.join(work, "tarballs"));
  const prefix = path.join(work, "prefix");
  installGlobal([tarball], prefix);
  return { tarball, prefix };
}
