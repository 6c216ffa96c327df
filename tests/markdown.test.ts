import { describe, expect, it } from "vitest";
import { isSafeUrl, plainExcerpt, renderMarkdown } from "@/lib/markdown";

// Known cross-site scripting payloads, as raw HTML, as Markdown links and in odd encodings.
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<iframe src=javascript:alert(1)></iframe>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<body onload=alert(1)>",
  "<div style=\"background:url(javascript:alert(1))\">x</div>",
  "<object data=javascript:alert(1)></object>",
  "<embed src=javascript:alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<link rel=stylesheet href=javascript:alert(1)>",
  "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
  "<form action=javascript:alert(1)><button>x</button></form>",
  "<base href=javascript:alert(1)//>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](javascript&colon;alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](  javascript:alert(1))",
  "![x](javascript:alert(1))",
  "![x](x \"onerror=alert(1)\")",
  "[x](https://example.org \"\\\" onmouseover=alert(1) x=\\\"\")",
  "<javascript:alert(1)>",
  "<a href='x' onclick='alert(1)'>x</a>",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "[x]: javascript:alert(1)\n\n[link][x]",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<!--<script>alert(1)//-->",
  "<style>@import 'javascript:alert(1)';</style>",
  "<marquee onstart=alert(1)>x</marquee>",
  "<video><source onerror=alert(1)></video>",
  "[a](https://example.org/\"onmouseover=\"alert(1))",
];

const ALLOWED_TAGS = new Set(["p", "ol", "ul", "li", "em", "strong", "a", "code", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "s", "table", "thead", "tbody", "tr", "th", "td"]);
const ALLOWED_ATTRIBUTES = new Set(["href", "title", "rel", "start", "style", "class"]);

/** Every element and attribute in rendered HTML, as a browser's tokenizer would find them. */
function elements(html: string) {
  return [...html.matchAll(/<\s*([a-zA-Z][\w:-]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    attributes: [...m[2]!.matchAll(/([^\s=>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => ({
      name: a[1]!.toLowerCase(),
      value: (a[2] ?? "").replace(/^["']|["']$/g, ""),
    })),
  }));
}

describe("Markdown rendering", () => {
  it("renders the reference's nested numbered lists", () => {
    const html = renderMarkdown("1. First\n   1. Point a\n   2. Point b\n2. Second");
    expect(html).toContain("<ol>\n<li>First\n<ol>\n<li>Point a</li>");
  });

  it.each(PAYLOADS)("leaves nothing that can run script: %s", (payload) => {
    const html = renderMarkdown(`Before\n\n${payload}\n\nAfter ${payload}`);
    for (const { tag, attributes } of elements(html)) {
      expect(ALLOWED_TAGS, `element <${tag}> in ${html}`).toContain(tag);
      for (const { name, value } of attributes) {
        expect(ALLOWED_ATTRIBUTES, `attribute ${name} on <${tag}> in ${html}`).toContain(name);
        expect(name.startsWith("on")).toBe(false);
        if (name === "href") expect(isSafeUrl(value), `href ${value}`).toBe(true);
        // markdown-it only writes style for table alignment.
        if (name === "style") expect(value).toMatch(/^text-align:(left|right|center)$/);
        // A fenced block's language, as markdown-it names it.
        if (name === "class") expect(value).toMatch(/^language-[\w-]+$/);
      }
    }
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg|<img|<style|<form|<input|<base|<meta|<link/i);
  });

  it("has a corpus of at least 30 payloads", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it("keeps safe links and marks external ones", () => {
    const html = renderMarkdown("[UN Women](https://www.unwomen.org/) and [topic](/topics/wps) and [mail](mailto:a@example.org)");
    expect(html).toContain('<a href="https://www.unwomen.org/" rel="noopener noreferrer nofollow">UN Women</a>');
    expect(html).toContain('<a href="/topics/wps">topic</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
  });

  it("judges link schemes", () => {
    for (const bad of ["javascript:x", " JAVASCRIPT:x", "java\nscript:x", "data:text/html,x", "vbscript:x", "//evil.example/x", "file:///etc/passwd"]) {
      expect(isSafeUrl(bad), bad).toBe(false);
    }
    for (const good of ["https://a.example", "http://a.example", "/events/x", "#top", "mailto:a@example.org"]) {
      expect(isSafeUrl(good), good).toBe(true);
    }
  });

  it("gives a plain excerpt", () => {
    expect(plainExcerpt("**Bold** <b>raw</b> & [link](https://a.example)", 200)).toBe("Bold <b>raw</b> & link");
  });
});
