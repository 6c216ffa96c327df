import { describe, expect, it } from "vitest";
import {
  applyClientAddress,
  CLIENT_ADDRESS_HEADER,
  normalizeAddress,
  parseTrustedHops,
  rateLimitKey,
  resolveClientAddress,
} from "@/lib/client-address.mjs";

describe("the client's address at the server entry", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.5", "6.6.6.6", 0)).toBe("203.0.113.5");
    expect(resolveClientAddress("203.0.113.5", ["6.6.6.6", "7.7.7.7"], 0)).toBe("203.0.113.5");
    expect(resolveClientAddress("::ffff:203.0.113.5", undefined, 0)).toBe("203.0.113.5");
    expect(resolveClientAddress(undefined, "6.6.6.6", 0)).toBeNull();
  });

  it("is the entry the outermost trusted proxy wrote, counting hops from the end", () => {
    // The client claimed 6.6.6.6; proxy 1 appended the client's real address; proxy 2 appended proxy 1's.
    const header = "6.6.6.6, 198.51.100.23, 10.0.0.2";
    expect(resolveClientAddress("10.0.0.3", header, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.3", header, 2)).toBe("198.51.100.23");
    // A chain shorter than the trusted hops: every entry came from a trusted proxy; the first is the client.
    expect(resolveClientAddress("10.0.0.3", "198.51.100.23", 2)).toBe("198.51.100.23");
    expect(resolveClientAddress("10.0.0.3", undefined, 1)).toBe("10.0.0.3");
    expect(resolveClientAddress("10.0.0.3", "not-an-address", 1)).toBeNull();
  });

  it("replaces a copy of the internal header that the client sent", () => {
    const req = { socket: { remoteAddress: "203.0.113.5" }, headers: { [CLIENT_ADDRESS_HEADER]: "1.2.3.4", "x-forwarded-for": "1.2.3.4" } as Record<string, string | undefined> };
    applyClientAddress(req, 0);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.5");
    const unknown = { socket: {}, headers: { [CLIENT_ADDRESS_HEADER]: "1.2.3.4" } as Record<string, string | undefined> };
    applyClientAddress(unknown, 0);
    expect(unknown.headers[CLIENT_ADDRESS_HEADER]).toBeUndefined();
  });

  it("reads the address the way proxies write it", () => {
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:51000")).toBe("203.0.113.9");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("unknown")).toBeNull();
  });

  it("counts IPv6 clients by /64 and IPv4-mapped addresses as IPv4", () => {
    expect(rateLimitKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(rateLimitKey("192.0.2.1")).toBe("192.0.2.1");
    expect(rateLimitKey(null)).toBeNull();
  });

  it("reads TRUSTED_PROXY_HOPS and names it when wrong", () => {
    expect(parseTrustedHops(undefined)).toBe(0);
    expect(parseTrustedHops("")).toBe(0);
    expect(parseTrustedHops("2")).toBe(2);
    expect(() => parseTrustedHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseTrustedHops("yes")).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
