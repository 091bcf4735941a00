/** Statement validation in tests: the local LRS's validator (Learning Locker's rules), as assertions. */
import { expect } from "vitest";
import { statementWarnings } from "../../src/preview/server/lrs/validation.js";

export { statementWarnings };

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
