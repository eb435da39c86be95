#!/usr/bin/env bash
# The README's run command, as a user runs it: package with -Dlocal, start the packaged application with
# the demo workspace and its embedded DynamoDB Local (on free ports and a scratch data folder), send the
# README's signed webhook, and check that the demo's prompt-transfer workflow assigned the contact.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
./mvnw -B -q -Dlocal -DskipTests package
work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_port=$(free_port); db_port=$(free_port)
"$(cat target/quarkus-app/app.aot.java)" -XX:AOTCache=target/quarkus-app/app.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx200m -Dquarkus.profile=local -Dswitchboard.demo=true -Dquarkus.http.port="$http_port" \
  -Ddynamodb-local.port="$db_port" -Ddynamodb-local.data-dir="$work/dynamodb" \
  -jar target/quarkus-app/quarkus-run.jar >"$work/run.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 90); do
  curl -sf -o /dev/null "http://127.0.0.1:$http_port/q/health/ready" && break
  kill -0 $pid 2>/dev/null || { cat "$work/run.log" >&2; echo "the local run exited" >&2; exit 1; }
  sleep 1
done
body='{"contact":{"id":"ada","name":"Ada"},"message":{"id":"m-1","text":"Where is my order?","time":"2026-11-24T10:00:00Z"}}'
sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac demo-channel-secret | sed 's/^.* //')
curl -sf -X POST "http://127.0.0.1:$http_port/webhooks/custom/demo-channel" -H 'Content-Type: application/json' \
  -H "X-Switchboard-Signature: sha256=$sig" -d "$body" >/dev/null || { cat "$work/run.log" >&2; exit 1; }
conversation=$(curl -sf -H 'Authorization: Bearer demo-api-key-0123456789abcdef' \
  "http://127.0.0.1:$http_port/api/v1/contacts/ada/conversation")
python3 - "$conversation" <<'PY'
import json, sys
c = json.loads(sys.argv[1])
assert c["assignee"]["id"] == "alice", c
print("local smoke passed: the README's run command started, and its webhook assigned Ada to Alice")
PY
