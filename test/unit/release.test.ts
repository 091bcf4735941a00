/**
 * Release hygiene that would otherwise drift: coursepack and create-coursepack share one version
 * (create-coursepack runs exactly that coursepack's `new`), the release workflow publishes both with
 * provenance through npm trusted publishing, and the bug template asks what LMS triage needs.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ROOT } from "../support/build.js";

const read = (file: string) => readFile(path.join(ROOT, file), "utf8");
const json = async (file: string) => JSON.parse(await read(file)) as Record<string, unknown>;

describe("release", () => {
  it("coursepack and create-coursepack have one version, and coursepack installs nothing else", async () => {
    const root = await json("package.json");
    const create = await json("packages/create-coursepack/package.json");
    expect(create.version).toBe(root.version);
    expect(create.dependencies).toEqual({ coursepack: root.version });
    expect(root.dependencies).toBeUndefined();
  });

  it("publishes both packages with provenance from the release workflow", async () => {
    const workflow = parseYaml(await read(".github/workflows/release.yml")) as {
      permissions: Record<string, string>;
      jobs: { publish: { steps: { run?: string; "working-directory"?: string }[] } };
    };
    expect(workflow.permissions["id-token"]).toBe("write");
    const publishes = workflow.jobs.publish.steps.filter((s) => s.run?.startsWith("npm publish"));
    expect(publishes.map((s) => s["working-directory"] ?? ".")).toEqual([".", "packages/create-coursepack"]);
    for (const step of publishes) expect(step.run).toContain("--provenance");
  });

  it("the bug template asks for the LMS, its version and `coursepack validate` output", async () => {
    const template = parseYaml(await read(".github/ISSUE_TEMPLATE/bug.yml")) as {
      body: { id?: string; attributes: { label?: string }; validations?: { required?: boolean } }[];
    };
    const labels = template.body.map((b) => b.attributes.label ?? "");
    expect(labels).toEqual(
      expect.arrayContaining(["LMS", "LMS version", "Output of `coursepack validate <package.zip>`"]),
    );
  });
});
