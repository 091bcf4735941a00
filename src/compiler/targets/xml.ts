/**
 * XML for the manifests the targets write (imsmanifest.xml, tincan.xml, cmi5.xml): `escapeXml`, and
 * a tiny tagged template where every interpolated value is escaped unless it is itself a fragment
 * built with `xml`, and arrays of fragments are joined. Hand-written because a manifest is a few
 * fixed elements and an XML builder library would add more than it saves.
 */

export class XmlFragment {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = XmlFragment | string | number | boolean | undefined | null | Value[];

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

function render(value: Value): string {
  if (value === undefined || value === null || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (value instanceof XmlFragment) return value.text;
  return escapeXml(String(value));
}

/** `xml\`<title>${title}</title>\`` — false, null and undefined render nothing, so optional parts read naturally. */
export function xml(strings: TemplateStringsArray, ...values: Value[]): XmlFragment {
  let out = strings[0]!;
  for (const [i, value] of values.entries()) out += render(value) + strings[i + 1]!;
  return new XmlFragment(out);
}

/** A whole document: declaration plus the root, with the template's indentation trimmed away. */
export function xmlDocument(root: XmlFragment): string {
  const lines = root.text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${lines.join("\n")}\n`;
}
