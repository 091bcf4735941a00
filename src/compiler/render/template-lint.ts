/**
 * What Handlebars would only find while rendering a course's own template, found before: a partial
 * (`{{> name}}`) that is no template, and a helper call (`{{name arg}}`, `{{#name arg}}`,
 * `(name arg)`) to a helper that does not exist. Rendering stopped at the first one with "The
 * partial nope could not be found" or 'Missing helper: "nope"', naming no file; here each is placed
 * at its line and column, and every one is reported.
 */

export interface TemplateUse {
  line: number;
  col: number;
  message: string;
}

type Node = { type: string; loc?: hbs.AST.SourceLocation; [key: string]: unknown };

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const one = (value: unknown): Node[] => (value && typeof value === "object" ? [value as Node] : []);

/** The simple name of a path (`name`, not `this.name`, `../name`, `@index` or `a.b`), else undefined. */
function simpleName(path: Node): string | undefined {
  if (path.type !== "PathExpression" || path.data || (path.depth as number) > 0) return undefined;
  const parts = path.parts as string[];
  return parts.length === 1 && !(path.original as string).startsWith("this") ? parts[0] : undefined;
}

/** The helpers an author calls (Handlebars' own fallbacks for missing ones left out). */
function shown(helpers: ReadonlySet<string>): string {
  const names = [...helpers].filter((h) => !h.endsWith("Missing")).sort();
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function at(node: Node): { line: number; col: number } {
  return { line: node.loc?.start.line ?? 1, col: (node.loc?.start.column ?? 0) + 1 };
}

/**
 * @param ast the template as Handlebars read it (template-specs.ts compileTemplate)
 * @param partials the names a partial may have (every template of the course)
 * @param helpers the helpers its environment has
 */
export function checkTemplateUses(
  ast: hbs.AST.Program,
  partials: ReadonlySet<string>,
  helpers: ReadonlySet<string>,
): TemplateUse[] {
  const found: TemplateUse[] = [];
  const inline = new Set<string>();
  const calls = (node: Node) => list(node.params).length > 0 || list((node.hash as Node | undefined)?.pairs).length > 0;
  const helper = (node: Node) => {
    const name = simpleName(node.path as Node);
    if (name !== undefined && !helpers.has(name))
      found.push({
        ...at(node),
        message: `"${name}" is no helper; a template can call ${shown(helpers)}`,
      });
  };
  const partial = (node: Node) => {
    const name = node.name as Node;
    // A partial's name is its whole path (`questions/choice`); `{{> (expr)}}` is chosen at render time.
    const named =
      name.type === "PathExpression" && !name.data
        ? (name.original as string)
        : name.type === "StringLiteral"
          ? (name.value as string)
          : undefined;
    if (named !== undefined && !partials.has(named) && !inline.has(named))
      found.push({
        ...at(node),
        message: `{{> ${named}}} names no template: add templates/${named}.hbs to the course`,
      });
  };
  const walk = (node: Node): void => {
    switch (node.type) {
      case "MustacheStatement":
      case "BlockStatement":
        if (calls(node)) helper(node);
        break;
      case "SubExpression":
        helper(node);
        break;
      case "PartialStatement":
        partial(node);
        break;
    }
    const children = [
      ...list(node.body),
      ...list(node.params),
      ...list((node.hash as Node | undefined)?.pairs).flatMap((pair) => one(pair.value)),
      ...one(node.program),
      ...one(node.inverse),
    ];
    for (const child of children) walk(child);
  };
  // {{#*inline "name"}} defines a partial for the template itself; a first pass finds them all.
  const definitions = (node: Node): void => {
    if (node.type === "DecoratorBlock" && simpleName(node.path as Node) === "inline")
      for (const p of list(node.params)) if (p.type === "StringLiteral") inline.add(p.value as string);
    for (const child of [...list(node.body), ...one(node.program), ...one(node.inverse)]) definitions(child);
  };
  definitions(ast as unknown as Node);
  walk(ast as unknown as Node);
  return found;
}
