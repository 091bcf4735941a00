/** Statement validation with Learning Locker's validator (@learninglocker/xapi-validation): the rules its LRS applies. */
import validation from "@learninglocker/xapi-validation";
import { expect } from "vitest";

type Validate = (statement: unknown) => { path: (string | number)[]; constructor: { name: string } }[];
const validate = ((validation as unknown as { default?: Validate }).default ?? validation) as unknown as Validate;

/** Every warning, as "path: WarningType", for readable test failures. */
export function statementWarnings(statement: unknown): string[] {
  return validate(statement).map((w) => `${w.path.join(".")}: ${w.constructor.name}`);
}

/** Asserts that every statement passes with zero warnings. */
export function expectValidStatements(statements: unknown[]): void {
  expect(statements.length).toBeGreaterThan(0);
  for (const statement of statements) {
    expect({ id: (statement as { id?: string }).id, warnings: statementWarnings(statement) }).toEqual({
      id: (statement as { id?: string }).id,
      warnings: [],
    });
  }
}
