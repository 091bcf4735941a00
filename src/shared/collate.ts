/**
 * Text comparison in a given language, never the machine's locale (String#localeCompare follows
 * the locale of the machine that runs it, so output would depend on it: a Swedish machine puts "ö"
 * after "z", an English one next to "o"). Each collator is made when first used: the first of a
 * process loads ICU's collation data (≈ 8 ms), which a build without sorting should not pay.
 */
const collators = new Map<string, Intl.Collator>();

export function compareIn(language: string): (a: string, b: string) => number {
  let collator: Intl.Collator | undefined;
  return (a, b) => (collator ??= collatorFor(language)).compare(a, b);
}

function collatorFor(language: string): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) collators.set(language, (collator = new Intl.Collator(language)));
  return collator;
}
