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

/**
 * Names Windows reserves for devices, with any extension (`CON`, `aux.html`, `COM1.txt`): many LMSs
 * run on Windows servers, which cannot create such a file when they unpack the package. Windows
 * also drops a trailing dot or space, so `a.` and `a` would be the same file.
 * https://learn.microsoft.com/en-us/windows/win32/fileio/naming-a-file#naming-conventions
 */
const WINDOWS_DEVICE = /^(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3])(\.|$)/i;

/** Why Windows cannot store this one path segment as it is, or undefined when it can. */
export function windowsNameProblem(segment: string): string | undefined {
  const device = WINDOWS_DEVICE.exec(segment)?.[1];
  if (device) return `uses the name ${device.toUpperCase()}, which Windows reserves for a device`;
  if (/[. ]$/.test(segment)) return "ends with a dot or a space, which Windows drops";
  return undefined;
}

/** Files that operating systems add to archives and folders (Finder, Explorer). */
export function isJunk(name: string): boolean {
  return /(^|\/)__MACOSX\//.test(name) || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(name);
}
