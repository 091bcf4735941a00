/**
 * An LMS profile in words: the one-line summary `coursepack lms` lists, and the full description
 * it prints for one profile — in Markdown, so docs/lms-profiles.md is made from the same text and
 * cannot drift from the data.
 */
import { describeQuirks } from "../shared/lms-quirks.js";
import { LAUNCH_MODE_NAMES, LMS_FORMAT_NAMES, scorm2004Edition, simulationOf, sourceOf } from "./index.js";
import type { LmsLimit, LmsProfile } from "./schema.js";

export function profileLine(profile: LmsProfile): string {
  return `${profile.formats.accepts.map((f) => LMS_FORMAT_NAMES[f]).join(", ")}; recommended: ${profile.formats.recommended}`;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${+(bytes / 1024 ** 3).toFixed(2)} GB` : `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
}

export function limitText(limit: LmsLimit): string {
  switch (limit.rule) {
    case "zip-size":
      return `zip at most ${formatSize(limit.bytes)}`;
    case "unzipped-size":
      return `at most ${formatSize(limit.bytes)} unzipped`;
    case "file-count":
      return `at most ${limit.max.toLocaleString("en")} files`;
    case "compression-ratio":
      return `compression ratio at most ${limit.max}`;
    case "compression-methods":
      return `zip entries ${limit.methods.join(" or ")} only`;
    case "rejected-extensions":
      return `no ${limit.extensions.join(" ")} files`;
    case "ascii-names":
      return "zip and file names in plain ASCII";
    case "single-sco":
      return `one SCO per package (${limit.standards.map((s) => (s === "scorm12" ? "SCORM 1.2" : "SCORM 2004")).join(", ")})`;
    case "https-only":
      return "no http: references (HTTPS only)";
  }
}

/** The whole profile, in Markdown; `heading` is the level of its title. */
export function describeProfile(profile: LmsProfile, heading = "##"): string {
  const cite = (key: string) => {
    const s = sourceOf(profile, key);
    return s.url ? `[${key}](${s.url})` : `[${key}]`;
  };
  const cites = (keys: string[]) => keys.map(cite).join(", ");
  const lines: string[] = [`${heading} ${profile.name} (\`${profile.id}\`)`, "", profile.summary, ""];
  const { formats } = profile;
  lines.push(
    `- **Formats:** ${formats.accepts.map((f) => LMS_FORMAT_NAMES[f]).join(", ")}. \`scorm2004\` builds the ${scorm2004Edition(profile)} edition. Recommended: \`${formats.recommended}\` — ${formats.why} (${cites(formats.sources)})`,
  );
  const r = profile.reporting;
  if (r) {
    const set = [
      r.scorm12Status && `SCORM 1.2 status pair \`${r.scorm12Status}\``,
      r.masteryScoreInManifest !== undefined &&
        `mastery score in the manifest: ${r.masteryScoreInManifest ? "yes" : "no"}`,
      r.exitWhenComplete && `exit once complete: \`${r.exitWhenComplete}\``,
    ].filter(Boolean);
    lines.push(`- **Reporting:** ${set.join("; ")}. ${r.why} (${cites(r.sources)})`);
  }
  lines.push(
    `- **Launch:** ${profile.launch.modes.map((m) => `${m} (${LAUNCH_MODE_NAMES[m]})`).join(", ")} (${cites(profile.launch.sources)})`,
  );
  if (profile.limits.length > 0) {
    lines.push("- **Limits:**");
    for (const l of profile.limits)
      lines.push(`  - ${limitText(l)}${l.note ? ` — ${l.note}` : ""} (${cite(l.source)})`);
  }
  const simulation = simulationOf(profile);
  if (simulation || profile.quirks.length > 0) {
    lines.push("- **Quirks `coursepack test` simulates:**");
    for (const standard of ["scorm12", "scorm2004"] as const)
      for (const line of simulation ? describeQuirks(simulation, standard) : [])
        lines.push(`  - SCORM ${standard === "scorm12" ? "1.2" : "2004"} API: ${line}`);
    if (profile.simulation) lines.push(`  - (the API of ${simulation!.name}: ${cites(profile.simulation.sources)})`);
    for (const q of profile.quirks) lines.push(`  - What the LMS records: ${q.note} (${cite(q.source)})`);
  }
  if (profile.admin.length > 0) {
    lines.push("- **In the LMS's admin screens:**");
    for (const a of profile.admin)
      lines.push(`  - ${a.where} → **${a.setting}**: ${a.value}. ${a.why} (${cite(a.source)})`);
  }
  lines.push("", "Sources:", "");
  for (const [key, s] of Object.entries(profile.sources))
    lines.push(`- \`${key}\`: ${s.url ? `[${s.title}](${s.url})` : s.title}${s.note ? ` — ${s.note}` : ""}`);
  return `${lines.join("\n")}\n`;
}
