/**
 * xAPI packages with Tin Can launch (tincan.xml, checklist #54): exactly one activity with a
 * launch, absolute-IRI activity ids, and a launch path that exists. There is no official schema
 * in Coursepack for tincan.xml, so its structure is checked here.
 */
import { isAbsoluteIri, iriProblem } from "../checks/iri.js";
import { checkLaunchUrl } from "../checks/launch-url.js";
import { NS, children, descendants, textOf, type Element } from "../xml.js";
import { at, loadXml, type Standard } from "./standard.js";

const CHECKLIST = 54;
/** Launch parameters the LMS appends (Tin Can launch, checklist #52). */
const LAUNCH_PARAMETERS = ["endpoint", "auth", "actor", "registration", "activity_id"] as const;

export const tincan: Standard = {
  async validate(ctx) {
    const loaded = await loadXml(ctx, ctx.manifest);
    if (!loaded) return undefined;
    const root = loaded.doc.documentElement!;
    const file = ctx.view.real(ctx.manifest);
    const where = (el: Element) => at(ctx, ctx.manifest, el.lineNumber);
    if (root.localName !== "tincan" || root.namespaceURI !== NS.tincan) {
      ctx.findings.add(
        "manifest-structure",
        where(root),
        `${file}'s root element must be <tincan xmlns="${NS.tincan}">, not <${root.tagName}${root.namespaceURI ? ` xmlns="${root.namespaceURI}"` : ""}>`,
        { checklist: CHECKLIST },
      );
      if (root.localName !== "tincan") return undefined;
    }
    const activities = descendants(root, "activity", root.namespaceURI ?? undefined);
    if (activities.length === 0) {
      ctx.findings.add("manifest-structure", where(root), `${file} declares no <activity>`, { checklist: CHECKLIST });
      return { standard: "xapi", edition: null };
    }
    const seen = new Map<string, Element>();
    for (const activity of activities) {
      const id = activity.getAttribute("id") ?? "";
      if (!isAbsoluteIri(id))
        ctx.findings.add("iri-not-absolute", where(activity), `activity id "${id}" ${iriProblem(id)}`, {
          checklist: CHECKLIST,
        });
      const first = seen.get(id);
      if (first)
        ctx.findings.add(
          "duplicate-identifier",
          where(activity),
          `activity id "${id}" is already used on line ${first.lineNumber ?? "?"}`,
          { checklist: CHECKLIST },
        );
      else seen.set(id, activity);
    }
    const ns = root.namespaceURI ?? undefined;
    const launchable = activities.filter(
      (a) => children(a, "launch", ns).length > 0 || children(a, "resource", ns).length > 0,
    );
    if (launchable.length === 0) {
      ctx.findings.add(
        "launch-count",
        where(root),
        `no activity in ${file} has a <launch>, so an LMS has nothing to open`,
      );
    } else if (launchable.length > 1) {
      ctx.findings.add(
        "launch-count",
        where(launchable[1]!),
        `${launchable.length} activities have a <launch> or <resource>; Tin Can allows only one per package`,
      );
    }
    for (const activity of launchable) {
      for (const launch of children(activity, "launch", ns)) {
        checkLaunchUrl(textOf(launch), {
          view: ctx.view,
          findings: ctx.findings,
          where: where(launch),
          what: "launch",
          checklist: CHECKLIST,
          reserved: LAUNCH_PARAMETERS,
          reservedChecklist: 52,
          warnAbsolute: true,
        });
      }
    }
    return { standard: "xapi", edition: null };
  },
};
