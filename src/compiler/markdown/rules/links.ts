/**
 * Renderer rules for links and images: relative assets point into the package's assets/ folder,
 * links to other lessons become in-course navigation, external links open outside the LMS frame,
 * and images load lazily.
 */
import type { MarkdownIt, RendererRule, Token } from "markdown-it";
import type { MarkdownEnv } from "../env.js";
import { isExternal } from "./references.js";

export function links(md: MarkdownIt): void {
  const render: RendererRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
  const linkOpen = md.renderer.rules.link_open ?? render;
  md.renderer.rules.link_open = (tokens, idx, options, rawEnv, self) => {
    const env = rawEnv as MarkdownEnv;
    return renderCopy(
      tokens,
      idx,
      (token) => {
        const href = String(token.attrGet("href") ?? "");
        if (isExternal(href)) {
          if (/^https?:|^\/\//i.test(href)) {
            // Inside an LMS frame a plain link would replace the course; open it beside the course.
            token.attrSet("target", "_blank");
            token.attrSet("rel", "noopener noreferrer");
          }
        } else if (href.startsWith("#")) {
          token.attrSet("href", `#${env.idPrefix}-${href.slice(1)}`);
        } else {
          const page = env.resolve?.page(href, env.file);
          if (page) {
            token.attrSet("href", `#${page.anchor ? `${page.pageId}-${page.anchor}` : `page-${page.pageId}`}`);
            token.attrSet("data-page", page.pageId);
          } else {
            const asset = env.resolve?.asset(href, env.file);
            if (asset) token.attrSet("href", asset);
          }
        }
      },
      () => linkOpen(tokens, idx, options, env, self),
    );
  };

  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, rawEnv, self) => {
    const env = rawEnv as MarkdownEnv;
    return renderCopy(
      tokens,
      idx,
      (token) => {
        const src = String(token.attrGet("src") ?? "");
        const asset = isExternal(src) ? undefined : env.resolve?.asset(src, env.file);
        if (asset) token.attrSet("src", asset);
        token.attrSet("loading", "lazy");
        token.attrSet("decoding", "async");
      },
      () => image(tokens, idx, options, env, self),
    );
  };

  // Wide tables scroll on their own instead of widening the page on a phone.
  md.renderer.rules.table_open = (tokens, idx, options, _env, self) =>
    `<div class="table-scroll" tabindex="0">${self.renderToken(tokens, idx, options)}`;
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) =>
    `${self.renderToken(tokens, idx, options)}</div>`;
}

/**
 * Renders tokens[idx] changed by `edit` without changing the parsed token: the model stays as
 * parsed, so the preview's session can render a cached page again (after a template edit) and
 * get the same links.
 */
function renderCopy(tokens: Token[], idx: number, edit: (token: Token) => void, render: () => string): string {
  const original = tokens[idx]!;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(original) as object) as Token, original);
  copy.attrs = original.attrs?.map(([name, value]) => [name, value]) ?? null;
  edit(copy);
  tokens[idx] = copy;
  try {
    return render();
  } finally {
    tokens[idx] = original;
  }
}
