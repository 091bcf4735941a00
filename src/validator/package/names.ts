/**
 * File-name rules shared by every package reader: which names are unsafe to extract (zip-slip,
 * checklist #2), which are merely risky (checklist #3), and which are operating-system clutter.
 */

/** Why a zip entry name could write outside the extraction folder, or undefined if it cannot. */
export function unsafeEntryReason(name: string): string | undefined {
  if (name === "") return "has an empty name";
  if (name.includes("\\")) return "contains a backslash";
  if (/^[A-Za-z]:/.test(name)) return "starts with a drive letter";
  if (name.startsWith("/")) return "is an absolute path";
  if (name.split("/").includes("..")) return 'contains a ".." segment';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return "contains control characters";
  return undefined;
}

/** Names every LMS and operating system handles alike. */
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

export function isSafeFileName(name: string): boolean {
  return name.split("/").every((segment) => SAFE_SEGMENT.test(segment));
}

/** Files that operating systems add to archives and folders (Finder, Explorer). */
export function isJunk(name: string): boolean {
  return /(^|\/)__MACOSX\//.test(name) || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(name);
}
