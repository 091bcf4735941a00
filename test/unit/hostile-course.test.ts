/**
 * Course folders that are unusual or hostile: symbolic links that lead out of the folder, an image
 * path with a space, files Windows cannot store, assets that compress a thousand times. Each is
 * reported at its place or built correctly; none is followed out of the course or blamed on
 * Coursepack ("a Coursepack bug").
 */
import { mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BuildFailed, formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { build, checkCourse } from "../../src/compiler/pipeline.js";
import { validatePackage } from "../../src/validator/validate.js";
import { tempDir } from "../support/build.js";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

/** A one-lesson course; `lesson` is the lesson's body, `extra` more course.yml lines. */
async function course(lesson: string, extra = "", outline = ["lessons/a.md"]): Promise<string> {
  const dir = path.join(await tempDir("hostile"), "course");
  await mkdir(path.join(dir, "lessons"), { recursive: true });
  await mkdir(path.join(dir, "images"));
  await writeFile(
    path.join(dir, "course.yml"),
    `id: hostile\ntitle: Hostile\ndescription: A course with odd files.\nformats: [web, scorm12]\noutline:\n${outline.map((o) => `  - ${o}\n`).join("")}${extra}`,
  );
  await writeFile(path.join(dir, "lessons", "a.md"), `---\ntitle: A\n---\n\n${lesson}\n`);
  return dir;
}

async function diagnostics(dir: string): Promise<string[]> {
  const error = await checkCourse(dir, ["web"]).then(
    (checked) => checked.diagnostics,
    (e: unknown) => (e instanceof BuildFailed ? e.diagnostics : Promise.reject(e)),
  );
  return error.sorted().map((d) => formatDiagnostic(d, dir));
}

describe("symbolic links in the course folder", () => {
  it("refuses images, a folder on an image's path, the logo, an outline entry and templates that link out of the course", async () => {
    const dir = await course(
      "![Passwords](../images/passwd.svg)\n\n![Host](../images/etc/hostname)",
      "theme:\n  logo: images/logo.svg\n",
      ["lessons/a.md", "lessons/b.md"],
    );
    await symlink("/etc/passwd", path.join(dir, "images", "passwd.svg"));
    await symlink("/etc", path.join(dir, "images", "etc"));
    await symlink("/etc/hostname", path.join(dir, "images", "logo.svg"));
    await symlink("/etc/hostname", path.join(dir, "lessons", "b.md"));
    await mkdir(path.join(dir, "templates"));
    await symlink("/etc/hostname", path.join(dir, "templates", "brand.css"));
    await symlink("/etc", path.join(dir, "templates", "partials"));
    // Not referenced, so not reported; but looking for stray lessons must not walk the whole disk.
    await symlink("/", path.join(dir, "images", "root"));
    const advice = "outside the course folder; copy the file into course/ instead of linking to it";
    // Tools that walk test/.tmp and follow links (the typecheck script's scan) must not meet a link to /.
    const found = await diagnostics(dir).finally(() => rm(dir, { recursive: true }));
    expect(found).toEqual([
      `course.yml:7:5: error: outline entry "lessons/b.md" is a symbolic link to /etc/hostname, ${advice}`,
      `course.yml:9:9: error: theme logo "images/logo.svg" is a symbolic link to /etc/hostname, ${advice}`,
      `lessons/a.md:5:14: error: image "../images/passwd.svg" is a symbolic link to /etc/passwd, ${advice}`,
      `lessons/a.md:7:9: error: image "../images/etc/hostname" is a symbolic link to /etc/hostname, ${advice}`,
      `templates/brand.css:1:1: error: templates/brand.css is a symbolic link to /etc/hostname, ${advice}`,
      `templates/partials:1:1: error: templates/partials is a symbolic link to /etc, ${advice}`,
    ]);
  });

  it("follows links that stay inside the course folder", async () => {
    const dir = await course("![Logo](../images/link.svg)");
    await writeFile(path.join(dir, "images", "logo.svg"), SVG);
    await symlink("logo.svg", path.join(dir, "images", "link.svg"));
    const out = await tempDir("hostile-out");
    const result = await build({ dir, outDir: out, formats: ["web"] });
    expect(result.diagnostics.list).toEqual([]);
    expect(await readFile(path.join(out, "hostile-web", "assets", "images", "link.svg"), "utf8")).toBe(SVG);
  });
});

describe("image paths", () => {
  it("warns about an image or link whose path has a space (Markdown shows it as text) and says how to write it", async () => {
    const dir = await course(
      'Intro.\n\n![Kunden](../assets/Kunden Übersicht.svg) and [the guide](../assets/user guide.pdf).\n\nNot these: `![x](a b.svg)`, ![Titled](../assets/ok.svg "A title"), ![Bracketed](<../assets/Kunden Übersicht.svg>)',
    );
    await mkdir(path.join(dir, "assets"));
    await writeFile(path.join(dir, "assets", "Kunden Übersicht.svg"), SVG);
    await writeFile(path.join(dir, "assets", "ok.svg"), SVG);
    expect(await diagnostics(dir)).toEqual([
      'lessons/a.md:7:1: warning: image "../assets/Kunden Übersicht.svg" is shown as text, not as an image: Markdown ends a path at a space; write ![Kunden](<../assets/Kunden Übersicht.svg>) or rename the file without spaces',
      'lessons/a.md:7:47: warning: link "../assets/user guide.pdf" is shown as text, not as a link: Markdown ends a path at a space; write [the guide](<../assets/user guide.pdf>) or rename the file without spaces',
    ]);
  });
});

describe("package file names", () => {
  it("renames assets with names Windows reserves, so LMSs on Windows servers can unpack them", async () => {
    const dir = await course("![Console](../images/CON.svg) ![Aux](../images/aux.png.svg) ![Port](../images/com1)");
    for (const name of ["CON.svg", "aux.png.svg", "com1"]) await writeFile(path.join(dir, "images", name), SVG);
    const out = await tempDir("hostile-out");
    const result = await build({ dir, outDir: out });
    expect(await readdir(path.join(out, "hostile-scorm12", "assets", "images"))).toEqual([
      "CON_.svg",
      "aux_.png.svg",
      "com1_",
    ]);
    const html = await readFile(path.join(out, "hostile-web", "index.html"), "utf8");
    expect(html).toContain('src="assets/images/CON_.svg"');
    expect(result.outputs.flatMap((o) => o.findings)).toEqual([]);
    const check = await validatePackage(path.join(out, "hostile-scorm12.zip"));
    expect(check.findings).toEqual([]);
  });
});

describe("files that compress very well", () => {
  it("builds a 2.8 MB BMP screenshot and a long lesson, which the package check once took for zip bombs", async () => {
    const long = "The same sentence of the compliance lesson, again and again. ".repeat(25_000);
    const dir = await course(`![Screenshot](../images/shot.bmp)\n\n${long}`);
    await writeFile(path.join(dir, "images", "shot.bmp"), Buffer.alloc(2_799_054, 0xe0));
    const out = await tempDir("hostile-out");
    const result = await build({ dir, outDir: out, formats: ["scorm12"] });
    expect(result.outputs.map((o) => [o.format, o.findings])).toEqual([["scorm12", []]]);
  }, 180_000);
});
