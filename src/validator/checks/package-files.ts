/**
 * Checks on the package's files themselves, whatever the standard: names every LMS can serve
 * (checklist #3), no names that collide on case-insensitive systems or that Windows reserves, no
 * operating-system clutter.
 */
import type { Findings } from "../findings.js";
import { isJunk, isSafeFileName, windowsNameProblem } from "../package/names.js";
import type { PackageSource } from "../package/source.js";

export function checkPackageFiles(source: PackageSource, findings: Findings): void {
  if (source.kind === "document") return;
  if (source.files.length === 0) {
    findings.add("package-empty", { file: "" }, "the package holds no files");
    return;
  }
  const junkFolders = new Map<string, number>();
  const byLowerCase = new Map<string, string>();
  for (const { name } of source.files) {
    if (isJunk(name)) {
      const folder = /^(.*?__MACOSX)\//.exec(name)?.[1];
      if (folder) junkFolders.set(folder, (junkFolders.get(folder) ?? 0) + 1);
      else findings.add("junk-file", { file: name }, `${name} is operating-system metadata, not course content`);
      continue;
    }
    if (!isSafeFileName(name)) {
      findings.add(
        "unsafe-file-name",
        { file: name },
        `"${name}" has characters other than letters, digits, ".", "_", "-" and "/"; some LMSs and servers then fail to serve it`,
      );
    }
    const windows = name
      .split("/")
      .map((segment) => [segment, windowsNameProblem(segment)] as const)
      .find(([, problem]) => problem);
    if (windows) {
      const [segment, problem] = windows;
      findings.add(
        "windows-reserved-name",
        { file: name },
        `"${segment}" in "${name}" ${problem}; an LMS on a Windows server cannot unpack it`,
      );
    }
    const other = byLowerCase.get(name.toLowerCase());
    if (other)
      findings.add(
        "file-name-case-clash",
        { file: name },
        `"${name}" and "${other}" differ only in letter case; one overwrites the other when unzipped on Windows or macOS`,
      );
    else byLowerCase.set(name.toLowerCase(), name);
  }
  for (const [folder, count] of junkFolders) {
    findings.add(
      "junk-file",
      { file: `${folder}/` },
      `${folder}/ holds ${count} file${count === 1 ? "" : "s"} of macOS Finder metadata, not course content`,
    );
  }
}
