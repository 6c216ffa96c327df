import { expect, test } from "@playwright/test";

for (const path of ["/", "/login", "/api/health"]) {
  test(`${path} is served with the security headers`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBeLessThan(400);
    const headers = response.headers();

    const csp = (headers["content-security-policy"] ?? "").split(";").map((part) => part.trim());
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.find((part) => part.startsWith("script-src"))).not.toContain("'unsafe-eval'");

    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["x-powered-by"]).toBeUndefined();
    // The test server runs in production mode, as a deployment does.
    expect(headers["strict-transport-security"]).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(headers["strict-transport-security"] ?? "")?.[1])).toBeGreaterThanOrEqual(15_552_000);
  });
}

test("the health check answers with JSON", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toMatchObject({ status: "ok" });
});
