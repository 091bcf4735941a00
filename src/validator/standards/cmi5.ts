/**
 * cmi5 course structures (cmi5.xml, checklist #70): the official CourseStructure.xsd, globally
 * unique absolute IRIs for the course, blocks, AUs and objectives, objective references that
 * resolve, and AU urls that exist in the package (or are absolute when the XML is imported on its
 * own, cmi5 §14.2) without the launch parameters the LMS adds (checklist #61).
 */
import { isAbsoluteIri, iriProblem } from "../checks/iri.js";
import { checkLaunchUrl } from "../checks/launch-url.js";
import { startSchemaCheck } from "../checks/schema.js";
import { NS, child, descendants, textOf, type Element } from "../xml.js";
import { at, loadXml, type Standard } from "./standard.js";

const CHECKLIST = 70;
/** Launch parameters the LMS appends to every AU url (cmi5 §8.1). */
const LAUNCH_PARAMETERS = ["endpoint", "fetch", "actor", "registration", "activityId"] as const;

export const cmi5: Standard = {
  async validate(ctx) {
    const loaded = await loadXml(ctx, ctx.manifest);
    if (!loaded) return undefined;
    const root = loaded.doc.documentElement!;
    const file = ctx.view.real(ctx.manifest);
    if (root.localName !== "courseStructure") {
      ctx.findings.add(
        "manifest-structure",
        at(ctx, ctx.manifest, root.lineNumber),
        `${file}'s root element is <${root.tagName}>, not <courseStructure>`,
        { checklist: CHECKLIST },
      );
      return undefined;
    }
    const finishSchema = startSchemaCheck("cmi5", file, loaded.text, CHECKLIST);
    const where = (el: Element) => at(ctx, ctx.manifest, el.lineNumber);

    // Ids: the course, blocks, AUs and objective definitions share one space of globally unique IRIs.
    const defined = new Map<string, Element>();
    const owners = ["course", "block", "au", "objective"]
      .flatMap((name) => descendants(root, name, NS.cmi5))
      .filter((el) => el.hasAttribute("id"));
    owners.sort((a, b) => (a.lineNumber ?? 0) - (b.lineNumber ?? 0));
    for (const el of owners) {
      const id = el.getAttribute("id") ?? "";
      if (!isAbsoluteIri(id))
        ctx.findings.add("iri-not-absolute", where(el), `${el.localName} id "${id}" ${iriProblem(id)}`);
      const first = defined.get(id);
      if (first)
        ctx.findings.add(
          "duplicate-identifier",
          where(el),
          `${el.localName} id "${id}" is already used by the ${first.localName} on line ${first.lineNumber ?? "?"}; ids must be unique`,
          { checklist: CHECKLIST },
        );
      else defined.set(id, el);
    }
    const objectives = new Set(owners.filter((el) => el.localName === "objective").map((el) => el.getAttribute("id")));
    for (const ref of descendants(root, "objective", NS.cmi5).filter((el) => el.hasAttribute("idref"))) {
      const id = ref.getAttribute("idref") ?? "";
      if (!objectives.has(id))
        ctx.findings.add(
          "unresolved-identifierref",
          where(ref),
          `objective idref "${id}" names no objective of the course`,
          { checklist: CHECKLIST },
        );
    }

    for (const au of descendants(root, "au", NS.cmi5)) {
      const url = child(au, "url", NS.cmi5);
      if (!url) continue;
      checkLaunchUrl(textOf(url), {
        view: ctx.view,
        findings: ctx.findings,
        where: where(url),
        what: "AU url",
        checklist: CHECKLIST,
        reserved: LAUNCH_PARAMETERS,
        reservedChecklist: 61,
        warnAbsolute: false,
      });
    }
    await finishSchema(ctx.findings);
    return { standard: "cmi5", edition: null };
  },
};
