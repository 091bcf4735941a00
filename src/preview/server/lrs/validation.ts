/**
 * Statement validation with Learning Locker's validator (@learninglocker/xapi-validation): the
 * rules its LRS applies before storing. The local LRS rejects what it flags, as a real LRS would;
 * the tests use the same function to check every statement a package sends.
 */
import validation from "@learninglocker/xapi-validation";

type Validate = (statement: unknown) => { path: (string | number)[]; constructor: { name: string } }[];
// CommonJS: the function is the module's `default` export.
const validate = ((validation as unknown as { default?: Validate }).default ?? validation) as unknown as Validate;

/** Every problem, as "path: WarningType" (empty when the statement is valid). */
export function statementWarnings(statement: unknown): string[] {
  return validate(statement).map((w) => `${w.path.join(".")}: ${w.constructor.name}`);
}
