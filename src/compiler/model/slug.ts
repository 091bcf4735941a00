/** Derives readable, stable ids from titles and file names. */

/** "Why Generic Training Falls Short!" → "why-generic-training-falls-short" (ASCII, NCName-safe). */
export function slugify(text: string, maxLength = 48): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  let slug = ascii.slice(0, maxLength).replace(/-+$/, "");
  // Cut at a word boundary when that keeps most of the slug.
  if (ascii.length > maxLength) {
    const cut = slug.lastIndexOf("-");
    if (cut > maxLength / 2) slug = slug.slice(0, cut);
  }
  if (!slug) return "x";
  return /^[a-z]/.test(slug) ? slug : `x-${slug}`;
}

/** `02-pipeline-basics.md` → `pipeline-basics`. */
export function idFromFileName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]+$/, "")
    .replace(/^\d+[-_. ]*/, "");
  return slugify(base || fileName, 64);
}

/** Makes ids unique within one list by suffixing -2, -3… to repeats. */
export function uniqueIds(ids: string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  });
}
