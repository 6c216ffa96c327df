// @ts-check

const isDev = process.env.NODE_ENV !== "production";

// Next.js inlines small bootstrap scripts, so scripts and styles allow 'unsafe-inline'; everything
// else is locked to this origin. React's development build needs eval.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

// next/constants' PHASE_PRODUCTION_BUILD.
const PHASE_PRODUCTION_BUILD = "phase-production-build";

/**
 * How long, in seconds, a cached public page may be served at all after it was rendered: past its
 * `revalidate` a copy is served once more while a fresh one renders, and past this it is rendered before
 * it is served. It is also the `stale-while-revalidate` window that Cache-Control gives shared caches
 * (a CDN): `s-maxage=<revalidate>, stale-while-revalidate=<EXPIRE - revalidate>` (README, "Caching").
 */
const EXPIRE_SECONDS = 300;

/** @type {import('next').NextConfig} */
const baseConfig = {
  // Lets several builds (for example test servers on different ports) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // scripts/server.mjs compresses instead, keeping the compressed bytes of cached responses
  // (lib/compression.mjs): Next.js would gzip every response afresh.
  compress: false,
  expireTime: EXPIRE_SECONDS,
  // Each area of the site, and each language of the public one, has a root layout of its own (so that
  // `<html lang>` is right): an address no route matches is answered by app/global-not-found.tsx.
  experimental: { globalNotFound: true },
  // Native and WASM packages must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@redis/client", "pdfkit", "postgres", "sharp"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          // Browsers heed it only over HTTPS, so it is harmless on a plain-HTTP test server. A year, and
          // not includeSubDomains: the institution's other hosts are not this app's to decide.
          ...(isDev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000" }]),
        ],
      },
      // The door's tablets scan QR codes with their camera (components/check-in-scanner.tsx): there, and
      // only there, this site may ask for it.
      {
        source: "/admin/events/:id/check-in",
        headers: [{ key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=()" }],
      },
    ];
  },
};

/**
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
module.exports = (phase) => ({
  ...baseConfig,
  // With REDIS_URL, the page cache lives in Redis, shared by every instance (lib/redis-cache.mjs), and no
  // instance keeps a copy in memory that a change on another could not mark stale. Read when the server
  // starts, not at build: `next build` never needs Redis, and one build serves either way.
  ...(process.env.REDIS_URL?.trim() && phase !== PHASE_PRODUCTION_BUILD
    ? { cacheHandler: require.resolve("./lib/redis-cache.mjs"), cacheMaxMemorySize: 0 }
    : {}),
  // `next build` has no database, so the cached public pages it prerenders (the home page, the feeds)
  // are empty placeholders (lib/public-cache.ts). Built with a one-second lifetime, they are past it by
  // the time the server starts, so the first request renders the page before serving it; the copies
  // rendered then get EXPIRE_SECONDS.
  ...(phase === PHASE_PRODUCTION_BUILD ? { expireTime: 1 } : {}),
});
