import MarkdownIt from "markdown-it";

// Raw HTML is shown as text (html: false); images are left out (photos are managed, with alt text,
// beside the body). Links keep only schemes that cannot run script.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.disable(["image"]);

const SAFE_URL = /^(https?:|mailto:|\/(?!\/)|#)/i;

/** Whether a link target may be rendered: web, mail and same-site links only. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return SAFE_URL.test(compact);
}

md.validateLink = (url) => isSafeUrl(url);

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet("href") ?? "");
  if (/^https?:/i.test(href)) {
    token.attrSet("rel", "noopener noreferrer nofollow");
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders staff-written Markdown to HTML that carries no script, raw HTML or unsafe link. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** The first paragraph as plain text, for descriptions in feeds and link previews. */
export function plainExcerpt(source: string, max = 300): string {
  const text = md
    .render(source)
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
