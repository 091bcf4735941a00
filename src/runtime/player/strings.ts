/** Interface strings in the course language (merged with the course's overrides at build time). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(strings: Record<string, string>): Translate {
  return (key, params = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
