/**
 * What an LMS needs to launch a package: its standard and edition, the launch file, and for cmi5
 * and Tin Can the ids and settings it hands back at launch — read from the manifest that detect.ts
 * locates. `coursepack preview` launches any package with it, ours or another tool's. Problems are
 * not reported here (that is `validatePackage`'s job); a package with nothing to launch throws.
 */
import { decodeHTML } from "entities";
import { type MoveOn, isMoveOn } from "../shared/cmi5-contract.js";
import { parseReference } from "./checks/references.js";
import { locateManifest } from "./detect.js";
import { Findings } from "./findings.js";
import type { PackageSource } from "./package/source.js";
import type { PackageView } from "./package/view.js";
import { readManifest } from "./standards/scorm/manifest.js";
import { chooseProfile } from "./standards/scorm/index.js";
import { loadXml, type CheckContext } from "./standards/standard.js";
import { NS, child, children, descendants, textOf, type Element } from "./xml.js";

interface LaunchBase {
  /** "1.2", "2004 3rd Edition"…; null where a standard has no editions. */
  edition: string | null;
  title: string;
  /**
   * The file to open: a path inside the package (from its root, wrapper folder included) with
   * any query the manifest adds, or an absolute URL when the manifest names one.
   */
  launch: string;
}

export interface ScormLaunch extends LaunchBase {
  standard: "scorm12" | "scorm2004";
}

export interface Cmi5Launch extends LaunchBase {
  standard: "cmi5";
  courseId: string;
  auId: string;
  moveOn: MoveOn;
  /** 0..1, when the AU declares one. */
  masteryScore?: number | undefined;
  launchParameters?: string | undefined;
}

export interface TinCanLaunch extends LaunchBase {
  standard: "xapi";
  activityId: string;
}

export interface WebLaunch extends LaunchBase {
  standard: "web";
}

export type PackageLaunch = ScormLaunch | Cmi5Launch | TinCanLaunch | WebLaunch;

/** A website's name: its page's <title>, else the page's file name. */
async function pageTitle(source: PackageSource, page: string): Promise<string> {
  const html = await source.read(page).then(
    (bytes) => bytes.toString("utf8"),
    () => "",
  );
  const title = decodeHTML(/<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return title || page;
}

export async function findLaunch(source: PackageSource): Promise<PackageLaunch> {
  const findings = new Findings();
  const located = await locateManifest(source, findings);
  if (!located) {
    if (source.files.some((f) => f.name === "index.html"))
      return { standard: "web", edition: null, title: await pageTitle(source, "index.html"), launch: "index.html" };
    throw new Error("no imsmanifest.xml, cmi5.xml or tincan.xml, and no index.html: nothing to launch");
  }
  const ctx: CheckContext = { view: located.view, manifest: located.manifest, findings };
  const loaded = await loadXml(ctx, ctx.manifest);
  const root = loaded?.doc.documentElement;
  if (!root) throw new Error(`${located.view.real(located.manifest)} cannot be read as XML`);
  const launch =
    located.kind === "scorm"
      ? scormLaunch(ctx, root)
      : located.kind === "cmi5"
        ? cmi5Launch(ctx.view, root)
        : tinCanLaunch(ctx.view, root);
  if (!launch) throw new Error(`${located.view.real(located.manifest)} names nothing to launch`);
  return launch;
}

/** The first item of the default organization that launches a resource (multi-SCO packages: the first SCO). */
function scormLaunch(ctx: CheckContext, root: Element): ScormLaunch | undefined {
  const profile = chooseProfile(ctx, root);
  if (!profile) return undefined;
  const m = readManifest(root, profile.cp, profile.adlcp, profile.scormTypeAttribute);
  const preferred = m.organizations?.getAttribute("default");
  const organization =
    m.organizationElements.find((o) => o.getAttribute("identifier") === preferred) ?? m.organizationElements[0];
  const item = m.items.find((i) => i.resource?.href !== undefined && (!organization || isInside(i.el, organization)));
  if (!item?.resource?.href) return undefined;
  const href = packagePath(ctx.view, item.resource.href, item.resource.bases);
  if (!href) return undefined;
  // SCORM adds the item's `parameters` to the resource's href (CAM 3.4.1.9).
  const parameters = item.el.getAttribute("parameters") ?? "";
  const title =
    textOf(child(item.el, "title", profile.cp)) || textOf(organization && child(organization, "title", profile.cp));
  return {
    standard: profile.result.standard as ScormLaunch["standard"],
    edition: profile.result.edition,
    title,
    launch: withParameters(href, parameters),
  };
}

function cmi5Launch(view: PackageView, root: Element): Cmi5Launch | undefined {
  const au = descendants(root, "au", NS.cmi5)[0];
  const course = descendants(root, "course", NS.cmi5)[0];
  const url = au && textOf(child(au, "url", NS.cmi5));
  const launch = url && packagePath(view, url, []);
  if (!au || !launch) return undefined;
  const mastery = au.getAttribute("masteryScore");
  const launchParameters = textOf(child(au, "launchParameters", NS.cmi5)) || undefined;
  return {
    standard: "cmi5",
    edition: null,
    title: langstring(child(au, "title", NS.cmi5)) || langstring(course && child(course, "title", NS.cmi5)),
    launch,
    courseId: course?.getAttribute("id") ?? "",
    auId: au.getAttribute("id") ?? "",
    moveOn: moveOnOf(au.getAttribute("moveOn")),
    masteryScore: mastery ? Number(mastery) : undefined,
    launchParameters,
  };
}

function tinCanLaunch(view: PackageView, root: Element): TinCanLaunch | undefined {
  const ns = root.namespaceURI ?? undefined;
  const activity = descendants(root, "activity", ns).find((a) => children(a, "launch", ns).length > 0);
  const launch = activity && packagePath(view, textOf(child(activity, "launch", ns)), []);
  if (!activity || !launch) return undefined;
  return {
    standard: "xapi",
    edition: null,
    title: textOf(child(activity, "name", ns)),
    launch,
    activityId: activity.getAttribute("id") ?? "",
  };
}

/** A manifest reference as a path from the package root (or an absolute URL); undefined when unusable. */
function packagePath(view: PackageView, href: string, bases: string[]): string | undefined {
  const ref = parseReference(href, bases);
  if (ref.kind === "url") return ref.url;
  if (ref.kind !== "path" || ref.path === "") return undefined;
  return view.real(ref.path) + ref.query;
}

function withParameters(href: string, parameters: string): string {
  if (!parameters) return href;
  const [main, hash = ""] = href.split("#", 2) as [string, string?];
  const params = parameters.replace(/^[?&]/, "");
  if (parameters.startsWith("#")) return `${main}${parameters}`;
  return `${main}${main.includes("?") ? "&" : "?"}${params}${hash ? `#${hash}` : ""}`;
}

function langstring(el: Element | undefined): string {
  return el ? textOf(child(el, "langstring", NS.cmi5)) : "";
}

function isInside(el: Element, ancestor: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentNode as Element | null) if (n === ancestor) return true;
  return false;
}

/** cmi5.xml's moveOn; the schema default when absent or unknown (§13.1.4). */
function moveOnOf(value: string | null): MoveOn {
  return isMoveOn(value) ? value : "NotApplicable";
}
