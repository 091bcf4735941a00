/**
 * A course's own templates (those it replaces or adds), compiled and checked as the course is read.
 * A template Handlebars cannot read, a partial that is no template and a call to a helper that does
 * not exist each used to surface only while rendering, and only if a page used the template, with
 * Handlebars' message and no file; each is now an error at its `file:line:col`. The default
 * templates ship compiled and checked by the tests, so a course without templates of its own loads
 * no Handlebars compiler.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { TEMPLATES_DIR } from "../../shared/node/paths.js";
import { BuildFailed, Diagnostics } from "../diagnostics.js";
import { templateProblem } from "./template-errors.js";
import { checkTemplateUses } from "./template-lint.js";
import { compileTemplate, isShipped } from "./template-specs.js";

/**
 * @param sources every template by name (`lesson`, `questions/choice`)
 * @param files every template file by relative name (`lesson.hbs`), the course's over ours
 * @param helpers the helpers a template may call
 */
export async function checkOwnTemplates(
  sources: ReadonlyMap<string, string>,
  files: ReadonlyMap<string, string>,
  helpers: ReadonlySet<string>,
): Promise<void> {
  const own = [...sources].filter(([, source]) => !isShipped(source));
  const partials = new Set(sources.keys());
  const diagnostics = new Diagnostics();
  for (const [name, source] of own) {
    const file = files.get(`${name}.hbs`)!;
    let ast: hbs.AST.Program;
    try {
      ast = await compileTemplate(source);
    } catch (error) {
      const { line, col, message } = templateProblem(error as Error, source);
      diagnostics.error({ file, line, col }, `${message}; ${advice(name, file)}`);
      continue;
    }
    for (const use of checkTemplateUses(ast, partials, helpers))
      diagnostics.error({ file, line: use.line, col: use.col }, use.message);
  }
  if (diagnostics.errorCount > 0) throw new BuildFailed(diagnostics);
}

function advice(name: string, file: string): string {
  const ours = path.join(TEMPLATES_DIR, `${name}.hbs`);
  return file !== ours && existsSync(ours)
    ? `fix the template, or delete it to use Coursepack's own ${name}.hbs`
    : "fix the template";
}
