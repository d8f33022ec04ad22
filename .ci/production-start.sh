#!/usr/bin/env bash
# The production shape, for real: build once, copy the app without node_modules, install it with
# `npm ci --omit=dev` (no TypeScript, no jest), then start `node dist/bot/main.js` on Node 24 with a
# user-assigned managed identity as the bot's identity (authentication on) against a separate store
# process (`npm run store`'s server), check /healthz, that an unsigned activity is refused, and a clean
# SIGTERM. Prints "production start: ok" or says what failed; exit code 0 only when all held.
set -uo pipefail
cd "$(dirname "$0")/.."
# The Node 24 binary itself (from the npm registry's `node` package), so signals reach the bot directly.
node24=$(npx -y node@24 -p process.execPath) || { echo "production start: FAILED: no Node 24" >&2; exit 1; }

fail() {
  echo "production start: FAILED: $*" >&2
  [ -n "${bot_log:-}" ] && [ -f "$bot_log" ] && tail -20 "$bot_log" >&2
  exit 1
}

npm run build >/dev/null || fail "npm run build"
app=$(mktemp -d)
trap 'kill ${store_pid:-} ${bot_pid:-} 2>/dev/null; rm -rf "$app"' EXIT
tar --exclude=./node_modules --exclude=./.git --exclude=./test/e2e/artifacts -cf - . | tar -xf - -C "$app"
(cd "$app" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci --omit=dev"
[ -e "$app/node_modules/typescript" ] && fail "devDependencies were installed"

store_out="$app/store.out"
(cd "$app" && COSMOS_STORE_PORT=0 exec "$node24" dist/scripts/cosmos-store.js >"$store_out" 2>/dev/null) &
store_pid=$!
for _ in $(seq 1 100); do [ -s "$store_out" ] && break; sleep 0.2; done
endpoint=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8").split("\n")[0]).endpoint)' "$store_out") || fail "store did not start"
key=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8").split("\n")[0]).key)' "$store_out")

bot_log="$app/bot.log"
(cd "$app" && exec env -i PATH="$PATH" HOME="$HOME" PORT=0 HOST=127.0.0.1 \
  MicrosoftAppType=UserAssignedMSI MicrosoftAppId=2b7c9a1e-4d3f-4e8a-9c1b-7f0e6d5a4b3c \
  MicrosoftAppTenantId=6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11 \
  PSEUDONYM_SECRET=ci-pseudonym-secret-0123456789abcdef EVALUATION_SECRET=ci-evaluation-secret-0123456789abcdef \
  COSMOS_ENDPOINT="$endpoint" COSMOS_KEY="$key" COSMOS_DATABASE=ci-production-start \
  "$node24" dist/bot/main.js >"$bot_log" 2>&1) &
bot_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(node -e 'for (const l of require("fs").readFileSync(process.argv[1],"utf8").split("\n")) { try { const j = JSON.parse(l); if (j.port) { console.log(j.port); break; } } catch {} }' "$bot_log" 2>/dev/null)
  [ -n "$port" ] && break
  kill -0 "$bot_pid" 2>/dev/null || fail "the bot exited during start-up"
  sleep 0.2
done
[ -n "$port" ] || fail "the bot did not start listening within 60 s"
node -e '
const base = `http://127.0.0.1:${process.argv[1]}`;
(async () => {
  const health = await fetch(`${base}/healthz`);
  if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
  const unsigned = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "message", id: "1", channelId: "msteams", serviceUrl: "https://smba.trafficmanager.net/emea/",
      from: { id: "29:x" }, recipient: { id: "28:bot" }, conversation: { id: "a:x", tenantId: "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11" },
      channelData: { tenant: { id: "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11" } }, text: "hej" }),
  });
  if (unsigned.status !== 401) throw new Error(`an unsigned activity got ${unsigned.status}, expected 401`);
})().catch((e) => { console.error(e.message); process.exit(1); });
' "$port" || fail "checks against the running bot"
kill -TERM "$bot_pid"
wait "$bot_pid"
code=$?
bot_pid=""
[ "$code" -eq 0 ] || fail "SIGTERM exit code $code"
echo "production start: ok (npm ci --omit=dev, node dist/bot/main.js on $("$node24" --version), UserAssignedMSI, separate store)"
