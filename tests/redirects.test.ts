import { describe, expect, it } from "vitest";
import { safeNextPath, safeRedirectUrl } from "@/lib/validations/auth";

// As they arrive in `next` once the query string is decoded, and as sent still encoded.
const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\r/evil.example",
  "/%0d/evil.example",
  "/\n/evil.example",
  "/%0A/evil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "@evil.example",
  "//user:pass@evil.example",
  "/ /evil.example",
  " //evil.example",
  "/\u0000/evil.example",
  "/%00/evil.example",
  "/%E0%A4%A",
  "",
];

describe("the destination after sign-in (next)", () => {
  it.each(HOSTILE)("refuses %j", (value) => {
    expect(safeNextPath(value)).toBeUndefined();
    // Auth.js's redirect callback, for callbackUrl: back to this site's front page.
    expect(safeRedirectUrl(value, "https://symposia.example.org")).toBe("https://symposia.example.org/");
  });

  it("keeps paths on this site, with their query", () => {
    expect(safeNextPath("/admin")).toBe("/admin");
    expect(safeNextPath("/me/invitations/5?x=1#top")).toBe("/me/invitations/5?x=1#top");
    expect(safeNextPath("/events/a%20b")).toBe("/events/a%20b");
  });

  it("never leads back into sign-in or onto a raw endpoint", () => {
    expect(safeNextPath("/login")).toBeUndefined();
    expect(safeNextPath("/login/continue?next=/admin")).toBeUndefined();
    expect(safeNextPath("/api/auth/signout")).toBeUndefined();
    expect(safeNextPath("/loginhelp")).toBe("/loginhelp");
  });

  it("lets Auth.js go on only to this site's origin", () => {
    const origin = "https://symposia.example.org";
    expect(safeRedirectUrl("/login/continue?next=%2Fme", origin)).toBe(`${origin}/login/continue?next=%2Fme`);
    expect(safeRedirectUrl(`${origin}/me`, origin)).toBe(`${origin}/me`);
    expect(safeRedirectUrl("https://symposia.example.org.evil.example/me", origin)).toBe(`${origin}/`);
    expect(safeRedirectUrl("https://evil.example@symposia.example.org/me", origin)).toBe(`${origin}/`);
    expect(safeRedirectUrl("http://symposia.example.org/me", origin)).toBe(`${origin}/`);
  });
});
