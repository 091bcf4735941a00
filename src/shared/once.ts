/** What a cache (Map or WeakMap) can be asked by `once`. */
export interface Cache<K, V> {
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value `cache` keeps for `key`, made by `make` the first time it is asked for (an undefined
 * value is kept too). The build makes many things once and shares them: a page's bytes and text
 * between every format's package, a compressed file between zips, a compiled template between
 * languages.
 */
export function once<K, V>(cache: Cache<K, V>, key: K, make: () => V): V {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as V;
}
