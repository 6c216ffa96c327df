import { describe, expect, it } from "vitest";
import { escapeXml, xmlSafeText } from "@/lib/xml";

const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe("xmlSafeText", () => {
  it("drops the C0 controls XML forbids and keeps tab and line feed", () => {
    expect(xmlSafeText("a\u0000b\u0007c\u001bd\te\nf\u000bg\u000ch")).toBe("abcd\te\nfgh");
  });

  it("turns carriage returns into line feeds", () => {
    expect(xmlSafeText("one\r\ntwo\rthree")).toBe("one\ntwo\nthree");
  });

  it("drops DEL, C1 controls and the non-characters U+FFFE and U+FFFF", () => {
    expect(xmlSafeText("a\u007fb\u0085c\u009fd\ufffee\uffff")).toBe("abcde");
  });

  it("marks half of a surrogate pair and keeps whole pairs", () => {
    expect(xmlSafeText("x\ud800y\udc00z 👩🏽‍💼")).toBe("x\ufffdy\ufffdz 👩🏽‍💼");
  });

  it("leaves every character of a hostile string valid in XML 1.0", () => {
    const all = Array.from({ length: 0x110 }, (_, i) => String.fromCharCode(i)).join("") + "\ud83d\ude00\ud83d\ufffe\uffff\udfff";
    expect(xmlSafeText(all)).toMatch(XML_CHARS);
  });
});

describe("escapeXml", () => {
  it("escapes markup and quotes after dropping what XML cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0000`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  });
});
