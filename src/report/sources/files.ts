/**
 * `--input <file>`: exports people already have. Which kind a file is comes from its content, not
 * its name: xAPI statements as NDJSON (one per line), a JSON array or an LRS StatementResult page
 * ({"statements": […]}); SCORM Cloud registrations (one, an array, or a list page
 * {"registrations": […]}); or Moodle's SCORM interactions report downloaded as a text (tab) or
 * CSV file. JSON is streamed element by element (stream-json), so file size does not matter.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream";
import parserStream from "stream-json";
import pick from "stream-json/filters/pick.js";
import streamArray from "stream-json/streamers/stream-array.js";
import type { ReportCourse } from "../course.js";
import type { LearnerRecord, RecordSource, SourceInfo } from "../records.js";
import { moodleRecords } from "./moodle.js";
import { scormCloudRecords } from "./scorm-cloud.js";
import { StatementReader } from "./statements.js";

export class InputError extends Error {}

type Kind = "ndjson" | "json-statements" | "scorm-cloud" | "moodle";

async function head(file: string, bytes = 65536): Promise<string> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } finally {
    await handle.close();
  }
}

function detect(file: string, text: string): Kind {
  const start = text.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) {
    if (/"(registrationCompletion|activityDetails|registrationSuccess|registrations)"\s*:/.test(text))
      return "scorm-cloud";
    if (start.startsWith("{") && /\}\s*\r?\n\s*\{/.test(text)) return "ndjson";
    if (/"verb"\s*:/.test(text))
      return start.startsWith("[") || /"statements"\s*:/.test(text) ? "json-statements" : "ndjson";
  }
  const firstLine = start.split(/\r?\n/, 1)[0] ?? "";
  if (/(^|[\t,;"])(Question|Response|Result) \d+/.test(firstLine)) return "moodle";
  throw new InputError(
    `${path.basename(file)}: not a format coursepack report reads. It takes xAPI statements (NDJSON, a JSON ` +
      "array or an LRS page), SCORM Cloud registrations (JSON) or Moodle's SCORM interactions report " +
      "(text or CSV download); docs/report.md shows how to export each",
  );
}

/** One JSON value per line; blank lines skipped. */
async function* ndjson(file: string): AsyncIterable<unknown> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === "") continue;
    try {
      yield JSON.parse(line);
    } catch (error) {
      throw new InputError(`${file}:${n}:1: not a JSON statement (${(error as Error).message})`);
    }
  }
}

/** The elements of a top-level array, or of the array under `key` in a top-level object. */
async function* jsonArray(file: string, text: string, key: string): AsyncIterable<unknown> {
  const top = text.trimStart();
  if (top.startsWith("{") && !new RegExp(`"${key}"\\s*:`).test(text)) {
    // A single object (one registration): small enough to read whole.
    const { readFile } = await import("node:fs/promises");
    yield JSON.parse(await readFile(file, "utf8"));
    return;
  }
  const items = streamArray.asStream();
  const stages = [
    createReadStream(file),
    parserStream(),
    ...(top.startsWith("{") ? [pick.asStream({ filter: key })] : []),
  ];
  // pipeline destroys every stage on an error, so the loop below rejects with it.
  pipeline([...stages, items], () => undefined);
  try {
    for await (const item of items as AsyncIterable<{ value: unknown }>) yield item.value;
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

export async function fileSource(course: ReportCourse, file: string): Promise<RecordSource> {
  const text = await head(file);
  const kind = detect(file, text);
  const info: SourceInfo = {
    kind: kind === "moodle" ? "moodle" : kind === "scorm-cloud" ? "scorm-cloud" : "xapi-file",
    description: path.basename(file),
    read: 0,
    ignored: 0,
    lacks:
      kind === "moodle"
        ? ["lessons", "lesson-times", "completion", "answer-times"]
        : kind === "scorm-cloud"
          ? ["lesson-times"]
          : [],
  };
  const records = (): AsyncIterable<LearnerRecord> => {
    switch (kind) {
      case "moodle":
        return moodleRecords(course, file, text, info);
      case "scorm-cloud":
        return scormCloudRecords(course, jsonArray(file, text, "registrations"), info);
      case "ndjson":
      case "json-statements":
        return statementRecords(course, kind === "ndjson" ? ndjson(file) : jsonArray(file, text, "statements"), info);
    }
  };
  return { info, records };
}

async function* statementRecords(
  course: ReportCourse,
  statements: AsyncIterable<unknown>,
  info: SourceInfo,
): AsyncIterable<LearnerRecord> {
  const reader = new StatementReader(course);
  for await (const statement of statements) {
    const record = reader.take(statement, info);
    if (record) yield record;
  }
}

/** Several inputs read one after another as one source. */
export function combine(sources: RecordSource[]): RecordSource {
  if (sources.length === 1) return sources[0]!;
  const info: SourceInfo = {
    kind: sources[0]!.info.kind,
    description: sources.map((s) => s.info.description).join(", "),
    read: 0,
    ignored: 0,
    lacks: [...new Set(sources.flatMap((s) => s.info.lacks))],
  };
  return {
    info,
    async *records() {
      for (const source of sources) {
        yield* source.records();
        info.read += source.info.read;
        info.ignored += source.info.ignored;
      }
    },
  };
}
