/**
 * The unzipped package folders (compiler/packaging/folders.ts): a content shared by several
 * packages is written once and hard-linked into the other folders, the author's own files are never
 * linked, and where linking fails (here: across file systems) the folders get copies.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FolderWriter } from "../../src/compiler/packaging/folders.js";
import type { PackageFile } from "../../src/compiler/targets/target.js";
import { tempDir } from "../support/build.js";

const PAGE = Buffer.from("<!doctype html><title>Lesson</title>");
const STAMP = '{ "stamp": 1 }\n';

async function packages(dir: string): Promise<{ asset: string; a: PackageFile[]; b: PackageFile[] }> {
  const asset = path.join(dir, "photo.jpg");
  await writeFile(asset, "jpeg bytes");
  const shared: PackageFile[] = [
    { name: "index.html", content: PAGE },
    // A string built anew for each package: equal text is the same content.
    { name: "coursepack-build.json", content: `${STAMP}` },
    { name: "assets/photo.jpg", source: asset },
  ];
  return {
    asset,
    a: [{ name: "imsmanifest.xml", content: "<manifest identifier='a'/>" }, ...shared],
    b: [{ name: "imsmanifest.xml", content: "<manifest identifier='b'/>" }, ...shared],
  };
}

const inode = async (file: string) => (await stat(file)).ino;

describe("package folders", () => {
  it("writes each shared content once and links it into the other folders", async () => {
    const dir = await tempDir("folders");
    const { asset, a, b } = await packages(dir);
    const writer = new FolderWriter();
    await Promise.all([writer.write(path.join(dir, "a"), a), writer.write(path.join(dir, "b"), b)]);

    for (const name of ["index.html", "coursepack-build.json", "assets/photo.jpg"]) {
      const [inA, inB] = [path.join(dir, "a", name), path.join(dir, "b", name)];
      expect(await inode(inA), name).toBe(await inode(inB));
      expect((await stat(inA)).nlink, name).toBe(2);
    }
    expect(await readFile(path.join(dir, "b", "index.html"))).toEqual(PAGE);
    expect(await readFile(path.join(dir, "b", "assets/photo.jpg"), "utf8")).toBe("jpeg bytes");
    // The author's file is copied, never linked: editing dist/ must not reach the course.
    expect((await stat(asset)).nlink).toBe(1);
    expect(await inode(path.join(dir, "a", "assets/photo.jpg"))).not.toBe(await inode(asset));
    // Each package's own manifest is its own file.
    expect(await inode(path.join(dir, "a", "imsmanifest.xml"))).not.toBe(
      await inode(path.join(dir, "b", "imsmanifest.xml")),
    );
    expect(await readFile(path.join(dir, "b", "imsmanifest.xml"), "utf8")).toBe("<manifest identifier='b'/>");
  });

  it("writes a file placed ahead of its package once, and the package's write waits for it", async () => {
    const dir = await tempDir("folders");
    const { asset, a } = await packages(dir);
    const writer = new FolderWriter();
    const folder = path.join(dir, "a");
    // The build places the assets while the course renders, then writes the whole package.
    const early = writer.write(folder, [{ name: "assets/photo.jpg", source: asset }]);
    await Promise.all([writer.write(folder, a), early]);
    expect(await readFile(path.join(folder, "assets/photo.jpg"), "utf8")).toBe("jpeg bytes");
    expect((await stat(path.join(folder, "assets/photo.jpg"))).nlink).toBe(1);
    expect(await readFile(path.join(folder, "index.html"))).toEqual(PAGE);
  });

  it("copies where the file system refuses the link", async () => {
    // /dev/shm is a tmpfs on Linux, another file system than test/.tmp: link() fails with EXDEV.
    expect(existsSync("/dev/shm"), "this test needs Linux's /dev/shm").toBe(true);
    const other = await mkdtemp("/dev/shm/coursepack-folders-");
    try {
      const dir = await tempDir("folders");
      expect((await stat(other)).dev).not.toBe((await stat(dir)).dev);
      const { a, b } = await packages(dir);
      const writer = new FolderWriter();
      await writer.write(path.join(other, "a"), a);
      await writer.write(path.join(dir, "b"), b);
      await writer.write(path.join(dir, "c"), b);
      for (const folder of ["b", "c"]) {
        expect(await readFile(path.join(dir, folder, "index.html"))).toEqual(PAGE);
        expect(await readFile(path.join(dir, folder, "coursepack-build.json"), "utf8")).toBe(STAMP);
        expect(await readFile(path.join(dir, folder, "assets/photo.jpg"), "utf8")).toBe("jpeg bytes");
        expect((await stat(path.join(dir, folder, "index.html"))).nlink).toBe(1);
      }
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
