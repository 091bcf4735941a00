/**
 * The body of a POST or PUT to the statements resource, read as an LRS does before it looks at any
 * statement: JSON, one statement object or an array of them (xAPI 1.0.3 §7.2), and for PUT the
 * `statementId` parameter. Anything else is a 400 with a short reason, never a crash.
 */
import { HttpError, parseJson } from "../http.js";

export function readStatements(body: string, method: "POST" | "PUT", url: URL): Record<string, unknown>[] {
  const parsed = parseJson(body, "the statement");
  const list = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  if (list.length === 0)
    throw new HttpError(400, "no statements: send a statement object or a non-empty array of them");
  const notObject = list.findIndex((s) => typeof s !== "object" || s === null || Array.isArray(s));
  if (notObject >= 0)
    throw new HttpError(400, `statement ${notObject} is ${kindOf(list[notObject])}, not a statement object`);
  const statements = list as Record<string, unknown>[];
  if (method === "PUT") {
    const id = url.searchParams.get("statementId");
    if (!id) throw new HttpError(400, "statementId missing");
    statements[0] = { ...statements[0], id };
  }
  return statements;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
