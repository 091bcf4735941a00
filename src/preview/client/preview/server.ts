/** The preview server's JSON endpoints, as the LMS page calls them. */
import type { FormatId } from "../../../shared/course-data.js";
import type { LaunchAnswer, LmsOptions, PreviewState, StatementEntry, XapiSummary } from "../../protocol.js";

async function call<T>(method: "GET" | "POST", name: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__coursepack/${name}`, {
    method,
    ...(method === "POST" ? { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) } : {}),
  });
  if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const server = {
  state: () => call<PreviewState>("GET", "state"),
  statements: () => call<{ statements: StatementEntry[]; summary: XapiSummary | null }>("GET", "statements"),
  launch: () => call<LaunchAnswer>("POST", "launch"),
  reset: () => call<PreviewState>("POST", "reset"),
  options: (options: Partial<LmsOptions>) => call<PreviewState>("POST", "options", options),
  format: (format: FormatId) => call<PreviewState>("POST", "format", { format }),
};
