/**
 * `::: video file.mp4 {poster=… captions=….vtt required}` and `::: audio file.mp3 {captions=…}`:
 * local media with WebVTT captions, the transcript as the block's text, and an optional completion
 * rule (`required` = 90 % played, or `required=75%`). A YouTube or Vimeo address becomes an embed
 * with a link beside it; it cannot be tracked, so it can never be required.
 */
import path from "node:path";
import type { MediaBlockKind } from "../../shared/course-data.js";
import type { BlockAttr, BlockSyntax, Reference } from "../markdown/env.js";
import { languageName } from "../i18n/languages.js";
import { isExternal } from "../markdown/rules/references.js";
import { baseLanguage } from "../render/templates.js";
import { type BlockKind, type BlockModel, baseModel, readAttrs, type RenderContext } from "./kind.js";

/** Browsers show no captions from a file that does not start with this line. */
export const isWebVtt = (text: string) => /^\uFEFF?WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(text);

const FORMATS: Record<MediaBlockKind, readonly string[]> = {
  video: [".mp4", ".webm"],
  audio: [".mp3", ".ogg"],
};
const DEFAULT_THRESHOLD = 0.9;

interface MediaModel extends BlockModel {
  kind: MediaBlockKind;
  src: string;
  /** The embed address of a YouTube or Vimeo video; undefined for local files. */
  embed: { url: string; site: string } | undefined;
  poster: string | undefined;
  captions: string | undefined;
  threshold: number;
  transcript: BlockSyntax["body"];
}

/** The player address of a YouTube or Vimeo link, or undefined for any other address. */
export function embedOf(url: string): { url: string; site: string } | undefined {
  const youtube =
    /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([\w-]{6,})/.exec(
      url,
    );
  if (youtube) return { url: `https://www.youtube-nocookie.com/embed/${youtube[1]}`, site: "YouTube" };
  const vimeo = /^https?:\/\/(?:www\.|player\.)?vimeo\.com\/(?:video\/)?(\d+)/.exec(url);
  if (vimeo) return { url: `https://player.vimeo.com/video/${vimeo[1]}`, site: "Vimeo" };
  return undefined;
}

function threshold(attr: BlockAttr | undefined, report: (at: BlockAttr["at"], m: string) => void): number {
  if (!attr) return 0;
  if (attr.value === undefined || attr.value === "true") return DEFAULT_THRESHOLD;
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(attr.value);
  const share = match ? Number(match[1]) / 100 : Number.NaN;
  if (share > 0 && share <= 1) return share;
  report(attr.at, `"required" takes a share of the media to play, such as required=90% (from 1% to 100%)`);
  return DEFAULT_THRESHOLD;
}

export const media: BlockKind<MediaModel> = {
  template: "media",
  build(syntax, ctx) {
    const kind = syntax.name as MediaBlockKind;
    const report = (at: BlockAttr["at"], message: string) => ctx.diagnostics.error(at, message);
    const attrs = readAttrs(
      syntax.attrs,
      ["required", "captions", "title", ...(kind === "video" ? ["poster"] : [])],
      `"${kind}"`,
      ctx.diagnostics,
    );
    const src = syntax.label;
    const references: Reference[] = [];
    const refer = (url: string, at: Reference["at"]) => references.push({ kind: "link", url, at, alt: "" });
    let embed: MediaModel["embed"];
    if (!src) {
      report(
        syntax.labelAt,
        `"${kind}" needs its file after the name, for example "::: ${kind} ../media/intro.${kind === "video" ? "mp4" : "mp3"}"`,
      );
    } else if (isExternal(src)) {
      embed = kind === "video" ? embedOf(src) : undefined;
      if (!embed)
        report(
          syntax.labelAt,
          kind === "video"
            ? `only YouTube and Vimeo addresses can be embedded; put the file in the course folder (${FORMATS.video.join(", ")}) and give its path`
            : `audio must be a file in the course folder (${FORMATS.audio.join(", ")}), not an address`,
        );
      for (const key of ["required", "captions", "poster"]) {
        const attr = attrs.get(key);
        if (attr)
          report(
            attr.at,
            `"${key}" cannot be used with a ${embed?.site ?? "hosted"} video: the course cannot see how much of it was played or give it captions; use a file in the course folder instead`,
          );
      }
    } else {
      if (!FORMATS[kind].includes(path.extname(src.replace(/[?#].*$/, "")).toLowerCase()))
        report(syntax.labelAt, `a ${kind} file must be ${FORMATS[kind].join(" or ")} so every browser can play it`);
      refer(src, syntax.labelAt);
    }
    const poster = attrs.get("poster")?.value;
    const captions = attrs.get("captions")?.value;
    if (src && !isExternal(src)) {
      if (poster) refer(poster, attrs.get("poster")!.at);
      if (captions) {
        if (!/\.vtt$/i.test(captions)) report(attrs.get("captions")!.at, "captions must be a WebVTT file (.vtt)");
        refer(captions, attrs.get("captions")!.at);
      }
      if (src && !captions && syntax.body.length === 0)
        ctx.diagnostics.warning(
          syntax.at,
          `this ${kind} has neither captions nor a transcript: add {captions=file.vtt} or write the transcript between the ::: lines, so learners who cannot hear it can follow`,
        );
    }
    const written = attrs.get("title")?.value;
    return {
      ...baseModel(syntax, attrs, ctx, {
        title: written || path.basename(src.replace(/[?#].*$/, "")) || kind,
        required: !embed && attrs.has("required"),
      }),
      references,
      kind,
      src,
      embed,
      poster,
      captions,
      threshold: embed ? 0 : threshold(attrs.get("required"), report),
      transcript: syntax.body,
    };
  },
  render(block, ctx) {
    return ctx.template({
      id: block.id,
      kind: block.kind,
      video: block.kind === "video",
      title: block.title,
      embed: block.embed,
      src: block.embed ? block.src : ctx.asset(block.src),
      poster: block.poster && ctx.asset(block.poster),
      ...(block.captions ? captionsTrack(block.captions, ctx) : {}),
      required: block.required,
      percent: Math.round(block.threshold * 100),
      transcript: ctx.tokens(block.transcript),
    });
  },
  data: (block, page) => ({
    id: block.id,
    kind: block.kind,
    page,
    title: block.title,
    required: block.required,
    threshold: block.threshold,
    external: block.embed !== undefined,
  }),
};

/**
 * The captions track: its file (a translation's own version when there is one, i18n/versions.ts),
 * the language it is really in, and a label that names that language when it is not the package's.
 */
function captionsTrack(captions: string, ctx: RenderContext) {
  const language = ctx.assetLanguage(captions);
  const same = baseLanguage(language) === baseLanguage(ctx.language);
  return {
    captions: ctx.asset(captions),
    captionsLanguage: language,
    captionsLabel: same ? ctx.t("captions") : ctx.t("captionsIn", { language: languageName(language, ctx.language) }),
  };
}
