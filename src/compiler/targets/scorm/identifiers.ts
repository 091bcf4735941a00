/**
 * Manifest identifiers: unique, NCName-safe XML IDs (checklist #4) derived from the course id, which
 * is stable across versions so an LMS can recognise an updated package.
 */

/** Makes any text a valid NCName: letters, digits, '-', '_', '.', starting with a letter or '_'. */
export function ncname(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9._-]+/g, "-");
  return /^[A-Za-z_]/.test(safe) ? safe : `_${safe}`;
}

export interface PackageIds {
  manifest: string;
  organization: string;
  item: string;
  resource: string;
}

export function packageIds(courseId: string): PackageIds {
  const id = ncname(courseId);
  return { manifest: id, organization: `${id}-org`, item: `${id}-sco`, resource: `${id}-resource` };
}
