/**
 * `validate --lms <name>`: every limit of the LMS's profile the package breaks — format and
 * edition, sizes, file count, compression, refused file types and names, SCO count, http:
 * references, and SCORM 2004 items that leave completion to the LMS where the LMS then completes
 * learners itself. Each finding cites the profile's source for the limit.
 */
import path from "node:path";
import {
  type LmsFormat,
  type LmsLimit,
  type LmsProfile,
  LMS_FORMAT_NAMES,
  sourceOf,
} from "../../lms-profiles/index.js";
import { limitText } from "../../lms-profiles/describe.js";
import type { FindingCode, Findings, LmsCitation } from "../findings.js";
import type { PackageSource } from "../package/source.js";
import type { StandardResult } from "../standards/standard.js";
import { textOf } from "../package/text.js";

export interface LmsCheckInput {
  profile: LmsProfile;
  source: PackageSource;
  /** The standard found (undefined when none was recognised). */
  found: StandardResult | undefined;
  /** The package's name as given (its file name counts for ascii-names). */
  label: string;
  findings: Findings;
}

const METHODS: Record<number, "stored" | "deflate" | undefined> = { 0: "stored", 8: "deflate" };
/** Text files LMS pages load, where an http: reference is blocked inside an HTTPS LMS. */
const SCANNED = /\.(html?|css|js|mjs|json)$/i;
const HTTP_REFERENCE =
  /\b(?:src|href|action|poster|data)\s*=\s*["']?(http:\/\/[^\s"'>)]+)|url\(\s*["']?(http:\/\/[^\s"')]+)/i;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export async function checkLmsLimits(input: LmsCheckInput): Promise<void> {
  const { profile, findings } = input;
  const cite = (key: string): LmsCitation => {
    const s = sourceOf(profile, key);
    return { profile: profile.id, name: profile.name, source: { title: s.title, url: s.url } };
  };
  checkFormat(input, cite(profile.formats.sources[0]!));
  if (input.source.kind === "document") return;
  for (const limit of profile.limits) {
    const report = (code: FindingCode, file: string, message: string) =>
      findings.add(code, { file }, `${profile.name}: ${message}`, { lms: cite(limit.source) });
    await checkLimit(limit, input, report);
  }
  for (const quirk of profile.quirks) {
    if (quirk.kind !== "completes-on-exit-unless-content-sets-completion") continue;
    for (const f of findings.list.filter((f) => f.code === "sequencing-defaults"))
      findings.add(
        "lms-content-completion",
        { file: f.file, ...(f.line === undefined ? {} : { line: f.line }) },
        `${profile.name}: ${quirk.note}`,
        { lms: cite(quirk.source) },
      );
  }
}

function checkFormat({ profile, found, findings }: LmsCheckInput, citation: LmsCitation): void {
  if (!found || found.standard === "web") return;
  const format: LmsFormat | undefined =
    found.standard === "scorm2004"
      ? found.edition === "2004 4th Edition"
        ? "scorm2004-4th"
        : found.edition === "2004 3rd Edition"
          ? "scorm2004-3rd"
          : undefined
      : found.standard;
  if (format && profile.formats.accepts.includes(format)) return;
  const what = format ? LMS_FORMAT_NAMES[format] : `SCORM ${found.edition ?? "2004"}`;
  findings.add(
    "lms-format",
    { file: "" },
    `${profile.name} does not import ${what}; it takes ${profile.formats.accepts.map((f) => LMS_FORMAT_NAMES[f]).join(", ")}`,
    {
      lms: citation,
      fix: `build it as ${profile.formats.recommended} (coursepack build --lms ${profile.id}); ${profile.formats.why}`,
    },
  );
}

type Report = (code: FindingCode, file: string, message: string) => void;

async function checkLimit(limit: LmsLimit, input: LmsCheckInput, report: Report): Promise<void> {
  const { source, label } = input;
  const files = source.files;
  const total = files.reduce((n, f) => n + f.size, 0);
  switch (limit.rule) {
    case "zip-size":
      if (source.archiveBytes !== undefined && source.archiveBytes > limit.bytes)
        report("lms-zip-size", "", `the zip is ${mb(source.archiveBytes)}; the LMS takes ${limitText(limit)}`);
      return;
    case "unzipped-size":
      if (total > limit.bytes)
        report("lms-unzipped-size", "", `the package unzips to ${mb(total)}; the LMS takes ${limitText(limit)}`);
      return;
    case "file-count":
      if (files.length > limit.max)
        report(
          "lms-file-count",
          "",
          `the package holds ${files.length.toLocaleString("en")} files; the LMS takes ${limitText(limit)}`,
        );
      return;
    case "compression-ratio": {
      const compressed = files.reduce((n, f) => n + (f.compressed?.size ?? f.size), 0);
      const ratio = total / Math.max(compressed, 1);
      if (source.kind === "zip" && ratio > limit.max)
        report(
          "lms-compression-ratio",
          "",
          `the zip expands ${Math.round(ratio)} times; the LMS takes a ${limitText(limit)}`,
        );
      return;
    }
    case "compression-methods":
      for (const f of files) {
        const method = f.compressed && (METHODS[f.compressed.method] ?? `method ${f.compressed.method}`);
        if (method && !(limit.methods as string[]).includes(method))
          report("lms-compression", f.name, `"${f.name}" is ${method}; the LMS extracts ${limitText(limit)}`);
      }
      return;
    case "rejected-extensions":
      for (const f of files) {
        const base = path.posix.basename(f.name).toLowerCase();
        const ext = base.startsWith(".") && !base.slice(1).includes(".") ? base : path.posix.extname(base);
        if (limit.extensions.includes(ext))
          report("lms-file-type", f.name, `the LMS refuses packages holding ${ext} files such as "${f.name}"`);
      }
      return;
    case "ascii-names": {
      const zipName = path.basename(label);
      if (source.kind === "zip" && !PRINTABLE_ASCII.test(zipName))
        report("lms-file-name", "", `the zip's name "${zipName}" holds spaces or characters outside plain ASCII`);
      for (const f of files)
        if (!f.name.split("/").every((part) => PRINTABLE_ASCII.test(part)))
          report("lms-file-name", f.name, `"${f.name}" holds spaces or characters outside plain ASCII`);
      return;
    }
    case "single-sco":
      if (input.found && (limit.standards as string[]).includes(input.found.standard))
        for (const f of input.findings.list.filter((f) => f.code === "multiple-scos"))
          report("lms-multiple-scos", f.file, `the LMS shows only one SCO of a package (${limitText(limit)})`);
      return;
    case "https-only":
      for (const f of files.filter((f) => SCANNED.test(f.name))) {
        const text = await source.read(f.name).then(textOf, () => "");
        const m = HTTP_REFERENCE.exec(text);
        if (m)
          report("lms-http-reference", f.name, `"${f.name}" loads ${m[1] ?? m[2]}, which the LMS's HTTPS page blocks`);
      }
      return;
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
