/**
 * Hostile and unusual input, through the packed and installed package as users run it: a course
 * with a symbolic link out of its folder, an output folder that is the file-system root, zips
 * holding a symbolic link or a billion-laughs manifest, a Latin-1 GIFT bank, and requests a page of
 * another site could send to the preview. Each is refused with a clear message, never followed.
 */
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { type Answer, type RawRequest, send } from "../support/raw-request.js";
import { installed, scratch, start } from "./installed.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const GOLF = path.join(REPO, "test", "fixtures", "conformance-samples", "scorm12", "ContentPackagingSingleSCO_SCORM12");
const ADVICE = "outside the course folder; copy the file into my-course/ instead of linking to it";

/** A starter course made by the installed `coursepack new`. */
let course = "";

beforeAll(async () => {
  course = path.join(await scratch("hostile"), "my-course");
  expect((await installed("new", course)).code).toBe(0);
});

describe("the installed coursepack, given hostile input", () => {
  it("build: a symbolic link out of the course folder is an error at its position; nothing is written", async () => {
    const lesson = path.join(course, "lessons", "01-welcome.md");
    const text = await readFile(lesson, "utf8");
    const line = text.split("\n").length + 1;
    await writeFile(lesson, `${text}\n![Passwords](../images/passwd.svg)\n`);
    await mkdir(path.join(course, "images"), { recursive: true });
    await symlink("/etc/passwd", path.join(course, "images", "passwd.svg"));
    const out = path.join(await scratch("dist"), "dist");
    const built = await installed("build", "--format", "web", "--out", out, { cwd: course });
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(
      `lessons/01-welcome.md:${line}:14: error: image "../images/passwd.svg" is a symbolic link to /etc/passwd, ${ADVICE}`,
    );
    expect(await readdir(out).catch(() => [])).toEqual([]);
    await writeFile(lesson, text);
  });

  it("build: refuses the file-system root as the output folder, before building", async () => {
    const built = await installed("build", course, "--format", "web", "--out", "/");
    expect(built.code).toBe(1);
    expect(built.stderr).toContain("the output folder / ");
    expect(built.stderr).toContain("build into a folder of its own, such as dist");
  });

  it("validate: refuses a zip holding a symbolic link and a billion-laughs manifest, and still reports the other packages", async () => {
    const dir = await scratch("validate");
    const manifest = await readFile(path.join(GOLF, "imsmanifest.xml"), "utf8");
    const S_IFLNK = 0o120000;
    const linked = path.join(dir, "linked.zip");
    await writeFile(
      linked,
      zipSync({
        "imsmanifest.xml": strToU8(manifest),
        "passwd.txt": [strToU8("/etc/passwd"), { os: 3, attrs: ((S_IFLNK | 0o777) << 16) >>> 0 }],
      }),
    );
    const laughs = path.join(dir, "laughs.zip");
    const title = manifest.replace(/<title>[^<]*<\/title>/, "<title>&l9;</title>");
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const doctype = `<!DOCTYPE manifest [<!ENTITY l0 "lol">${entities}]>`;
    await writeFile(laughs, zipSync({ "imsmanifest.xml": strToU8(title.replace(/(\?>)/, `$1${doctype}`)) }));
    const result = await installed("validate", "--json", linked, laughs, GOLF);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const [link, bomb, golf] = JSON.parse(result.stdout) as { valid: boolean; findings: { code: string }[] }[];
    expect(link!.valid).toBe(false);
    expect(link!.findings.map((f) => f.code)).toContain("zip-symlink");
    expect(bomb!.findings.map((f) => f.code)).toEqual(["xml-entities"]);
    expect(golf).toMatchObject({ valid: true, findings: [] });
  });

  it("import-gift: a Latin-1 bank is reported at its first byte that is not UTF-8", async () => {
    const dir = await scratch("gift");
    await writeFile(path.join(dir, "bank.gift"), Buffer.from("::Q1:: Café? {T}\n", "latin1"));
    const result = await installed("import-gift", "bank.gift", { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bank.gift:1:11: error: this file is not UTF-8: byte 0xE9");
    expect(await readdir(dir)).toEqual(["bank.gift"]);
  });

  it("preview: answers only its loopback host names, caps bodies (413), answers malformed JSON with 400", {
    timeout: 60_000,
  }, async () => {
    const golf = path.join(await scratch("preview"), "golf");
    await cp(GOLF, golf, { recursive: true });
    const preview = start(["preview", golf]);
    try {
      const port = Number((await preview.waitFor(/➜ http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
      const ask = (method: string, route: string, options?: RawRequest): Promise<Answer> =>
        send(port, method, route, options);
      expect((await ask("GET", "/__coursepack/state")).status).toBe(200);
      expect(await ask("GET", "/__coursepack/statements", { host: `rebound.example.com:${port}` })).toEqual({
        status: 403,
        body: `the preview answers only to http://127.0.0.1:${port}, not to the host "rebound.example.com:${port}"`,
      });
      const big = await ask("POST", "/__coursepack/options", { body: `{"x":"${"a".repeat(70_000)}"}`, chunked: true });
      expect(big).toEqual({ status: 413, body: "the request body is larger than 65,536 bytes" });
      const malformed = await ask("POST", "/__coursepack/options", { body: "{masteryScore: 80" });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatch(/^the request body is not JSON: /);
      expect(malformed.body).not.toContain(golf);
      expect((await ask("GET", "/__coursepack/state")).status).toBe(200);
    } finally {
      expect(await preview.stop()).toBe(0);
    }
  });
});
