/** Activity, course, block, AU and objective ids must be absolute IRIs (cmi5 §3, Tin Can launch). */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
export const NOT_IN_IRI = /[\s<>"{}|\\^`]/;

export function isAbsoluteIri(value: string): boolean {
  return SCHEME.test(value) && !NOT_IN_IRI.test(value) && value.length > value.indexOf(":") + 1;
}

export function iriProblem(value: string): string {
  if (value === "") return "is empty";
  if (NOT_IN_IRI.test(value)) return "contains a space or a character IRIs cannot hold";
  return "has no scheme (like https: or urn:), so it is not an absolute IRI";
}
