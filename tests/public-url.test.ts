import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withPublicUrl } from "@/lib/auth/public-url";
import { clientIp, clientRateLimitKey } from "@/lib/request-info";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address.mjs";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function withEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return (await import("@/lib/auth/public-url")).withPublicUrl;
}

describe("the URL Auth.js sees", () => {
  it("is at the configured origin, never where Host or X-Forwarded-Host say", async () => {
    const publicUrl = await withEnv({ AUTH_URL: "https://symposia.example.org", APP_URL: undefined });
    const req = new NextRequest("http://localhost:3000/api/auth/callback/nodemailer?token=t", {
      headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    expect(publicUrl(req).url).toBe("https://symposia.example.org/api/auth/callback/nodemailer?token=t");
  });

  it("is the development server's own address with nothing configured", async () => {
    const publicUrl = await withEnv({ AUTH_URL: undefined, APP_URL: undefined, NODE_ENV: "test", PORT: undefined });
    const req = new NextRequest("http://127.0.0.1:3000/api/auth/session", { headers: { "x-forwarded-host": "evil.example" } });
    expect(publicUrl(req).url).toBe("http://localhost:3000/api/auth/session");
  });

  it("leaves a request already at the configured origin as it is", () => {
    const req = new NextRequest("http://localhost:3000/api/auth/session");
    expect(withPublicUrl(req)).toBe(req);
  });
});

describe("the client's address", () => {
  it("comes only from the server entry's header, never from X-Forwarded-For or X-Real-IP", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-real-ip": "203.0.113.7" }))).toBeNull();
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers())).toBeNull();
  });

  it("is counted per /64 for IPv6", () => {
    expect(clientRateLimitKey(new Headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8:aa:bb:1:2:3:4" }))).toBe("2001:db8:aa:bb::/64");
    expect(clientRateLimitKey(new Headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8:aa:bb::99" }))).toBe("2001:db8:aa:bb::/64");
    expect(clientRateLimitKey(new Headers())).toBeNull();
  });
});
