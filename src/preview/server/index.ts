/** The preview's programmatic API (lib/preview.js): what the CLI, the tests and the benchmark start. */
export { startPreview, type Preview, type PreviewOptions } from "./preview.js";
export type { BuildStatus, LmsOptions, PreviewState, StatementEntry, XapiSummary } from "../protocol.js";
