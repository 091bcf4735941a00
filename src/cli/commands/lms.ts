/** `coursepack lms [name|profile.yml] [--json] [--markdown]`: the LMS profiles, listed or one in full. */
import { parseArgs } from "node:util";
import { describeProfile, profileLine } from "../../lms-profiles/describe.js";
import { DEFAULT_PROFILE, listProfiles, LmsProfileError, loadProfile } from "../../lms-profiles/index.js";
import { bold, dim } from "../format.js";
import { profileErrorText } from "../lms-option.js";
import { UsageError } from "../usage.js";

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, markdown: { type: "boolean", default: false } },
  });
  if (positionals.length > 1) throw new UsageError("lms takes at most one profile name");
  const [name] = positionals;
  let profiles: ReturnType<typeof listProfiles>;
  try {
    profiles = name ? [loadProfile(name)] : listProfiles();
  } catch (error) {
    if (error instanceof LmsProfileError) throw new UsageError(profileErrorText(error));
    throw error;
  }
  if (values.json) {
    console.log(JSON.stringify(name ? profiles[0] : profiles, null, 2));
  } else if (name || values.markdown) {
    console.log(profiles.map((p) => describeProfile(p, values.markdown ? "##" : "#")).join("\n"));
  } else {
    const width = Math.max(...profiles.map((p) => p.id.length));
    console.log(bold("LMS profiles") + dim(` (default: ${DEFAULT_PROFILE}; use one with lms: in course.yml or --lms)`));
    for (const p of profiles)
      console.log(`  ${p.id.padEnd(width)}  ${p.name}\n  ${" ".repeat(width)}  ${dim(profileLine(p))}`);
    console.log(dim("Run `coursepack lms <name>` for a profile in full, with its sources."));
  }
  return 0;
}
