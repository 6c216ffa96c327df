#!/usr/bin/env bash
# Starts the production server for the end-to-end tests on a fresh database filled with the demo.
# Playwright runs it (playwright.config.ts, webServer) and stops it when the tests end.
#
#   E2E_PORT      port to listen on (default 3100)
#   DATABASE_URL  when set, that PostgreSQL database is EMPTIED and reseeded; else an embedded
#                 database in .data/e2e-pglite, deleted first
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${E2E_PORT:-3100}"
# A test server on another port gets a build folder of its own, so that two test runs at once do not
# build into the same folder.
if [[ -z "${NEXT_DIST_DIR:-}" && "$PORT" != 3100 ]]; then
  export NEXT_DIST_DIR=".next-e2e-$PORT"
fi
DIST="${NEXT_DIST_DIR:-.next}"
PGLITE_DIR=".data/e2e-pglite-$PORT"
BIN="node_modules/.bin"

log() { printf '[e2e-server] %s\n' "$*"; }

# Build only when there is no build or a source file changed since the last one.
sources=()
for path in app components db lib drizzle public proxy.ts instrumentation.ts next.config.js scripts/server.mjs \
  postcss.config.mjs tsconfig.json package.json package-lock.json; do
  [[ -e "$path" ]] && sources+=("$path")
done
if [[ ! -f "$DIST/BUILD_ID" ]]; then
  log "No build yet: running next build."
  build=1
elif changed="$(find "${sources[@]}" -newer "$DIST/BUILD_ID" -print -quit)" && [[ -n "$changed" ]]; then
  log "Sources changed since the last build ($changed): running next build."
  build=1
else
  log "The build in .next is current."
  build=0
fi
if [[ "$build" == 1 ]]; then
  started=$SECONDS
  # next build sets NODE_ENV itself and warns about any other value.
  env -u NODE_ENV "$BIN/next" build
  log "Built in $((SECONDS - started)) s."
fi

# Pages cached by an earlier run show that run's data (the route cache is kept on disk): start empty.
rm -rf "$DIST/server/route-cache" "$DIST/cache/fetch-cache"

# A fresh database for every run, so the journeys start from the demo data alone.
if [[ -n "${DATABASE_URL:-}" ]]; then
  log "Emptying the PostgreSQL database at $(sed -E 's#//[^@/]*@#//#; s#\?.*##' <<<"$DATABASE_URL")."
  PGOPTIONS="-c client_min_messages=warning" psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -q \
    -c 'drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade;'
else
  lock="$PGLITE_DIR.pid"
  if [[ -f "$lock" ]]; then
    pid="$(cat "$lock")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      log "Process $pid still uses $PGLITE_DIR (an earlier test server?). Stop it first: kill $pid" >&2
      exit 1
    fi
  fi
  rm -rf "$PGLITE_DIR" "$lock"
  export PGLITE_DIR
  # Set but empty, so that a DATABASE_URL in a .env file (which the server reads) cannot apply.
  export DATABASE_URL=""
fi

# The seed refuses production; it migrates, then fills the empty database with the demo. It runs the
# server's own code (modules marked "server-only"), hence the react-server condition, as in npm run db:seed.
NODE_ENV=test "$BIN/tsx" --conditions=react-server scripts/seed.ts

# Test-only settings, all set here so that a .env file cannot change them: a fixed secret, the
# site's address, and no mail server (the outbox is the mailbox, which the journeys read).
# The address is localhost, not 127.0.0.1: Next.js hands route handlers, Auth.js's included, every
# loopback request as http://localhost:<port>, and a sign-in link's redirect must match that origin.
export NODE_ENV=production
export AUTH_SECRET="${E2E_AUTH_SECRET:-symposia-e2e-only-secret-not-for-real-use-0123456789}"
export AUTH_URL="http://localhost:$PORT"
export APP_URL="$AUTH_URL"
export SMTP_URL=""
# The browser talks to the server directly: no proxy, so X-Forwarded-For counts for nothing.
export TRUSTED_PROXY_HOPS=0

log "Starting the server (scripts/server.mjs) on 127.0.0.1:$PORT."
# exec: the server takes this shell's process id, so Playwright's stop signal reaches it.
# The same Node options as `npm start` (package.json).
exec node --max-old-space-size=320 scripts/server.mjs -p "$PORT" -H 127.0.0.1
