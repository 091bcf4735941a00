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

/**
 * Makes ids unique within one list by suffixing -2, -3… to repeats. Each id remembers the last
 * suffix it tried, so a list of many repeats (an import of thousands of untitled questions) takes
 * linear time instead of trying -2, -3… again for every repeat.
 */
export function uniqueIds(ids: string[]): string[] {
  const used = new Set<string>();
  const lastSuffix = new Map<string, number>();
  return ids.map((id) => {
    let candidate = id;
    let n = lastSuffix.get(id) ?? 1;
    while (used.has(candidate)) candidate = `${id}-${++n}`;
    lastSuffix.set(id, n);
    used.add(candidate);
    return candidate;
  });
}
