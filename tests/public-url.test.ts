import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { withPublicUrl } from "@/lib/auth/public-url";
import { clientIp } from "@/lib/request-info";

const saved = process.env.AUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.AUTH_URL;
  else process.env.AUTH_URL = saved;
});

describe("the URL Auth.js sees", () => {
  it("follows the proxy's forwarded host and scheme when AUTH_URL is not set", () => {
    delete process.env.AUTH_URL;
    const req = new NextRequest("http://localhost:3000/api/auth/callback/nodemailer?token=t", {
      headers: { "x-forwarded-host": "symposia.example.org", "x-forwarded-proto": "https" },
    });
    expect(withPublicUrl(req).url).toBe("https://symposia.example.org/api/auth/callback/nodemailer?token=t");
  });

  it("uses the Host header without a proxy", () => {
    delete process.env.AUTH_URL;
    const req = new NextRequest("http://localhost:3000/api/auth/session", { headers: { host: "symposia.internal:3000" } });
    expect(withPublicUrl(req).url).toBe("http://symposia.internal:3000/api/auth/session");
  });

  it("leaves the URL to Auth.js when AUTH_URL is set", () => {
    process.env.AUTH_URL = "https://symposia.example.org";
    const req = new NextRequest("http://localhost:3000/api/auth/session", { headers: { host: "evil.example" } });
    expect(withPublicUrl(req).url).toBe("http://localhost:3000/api/auth/session");
  });

  it("ignores a forwarded scheme that is not http or https", () => {
    delete process.env.AUTH_URL;
    const req = new NextRequest("http://localhost:3000/x", { headers: { host: "a.example", "x-forwarded-proto": "javascript" } });
    expect(withPublicUrl(req).url).toBe("http://localhost:3000/x");
  });
});

describe("the client's address", () => {
  it("is the entry the nearest proxy added, not what the client claimed", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers())).toBeNull();
  });
});
