#!/usr/bin/env bash
# Runs the packaged target/function.zip the way the AWS Java runtime does: its classes and lib/ on the
# classpath, QuarkusStreamHandler invoked with a function URL event, QUARKUS_LAMBDA_HANDLER=http.
# Proves the artifact boots and routes; it reads the workflow JSON Schema, which needs no database.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
zip="$repo/target/function.zip"
[[ -s "$zip" ]] || { echo "no $zip: build it with ./mvnw -B -Dlambda -DskipTests package" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/task" "$work/smoke"
(cd "$work/task" && unzip -q "$zip")
cp="$work/task:$work/task/lib/*"
javac -d "$work/smoke" -cp "$cp" "$repo/.ci/lambda/LambdaSmoke.java"
# SWITCHBOARD_METRICS_EMF as infra/lambda.tf sets it: the invocation's meters come out as EMF lines on stdout.
(cd "$work" && SWITCHBOARD_METRICS_EMF=true QUARKUS_LAMBDA_HANDLER=http AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=smoke \
  AWS_SECRET_ACCESS_KEY=smoke java -cp "$work/smoke:$cp" LambdaSmoke "$repo/.ci/lambda/schema-event.json" \
  >"$work/stdout.log" 2>"$work/stderr.log") || { cat "$work/stderr.log" >&2; exit 1; }
# One read of stdout: the handler's response is the one line that answers with a statusCode, and the
# invocation's meters are the EMF lines beside it (they share stdout, and may be flushed after the response).
python3 - "$work/stdout.log" <<'PY'
import base64, json, sys
docs = []
for line in open(sys.argv[1]):
    try:
        doc = json.loads(line)
    except ValueError:
        continue
    if isinstance(doc, dict):
        docs.append(doc)

answers = [d for d in docs if "statusCode" in d]
assert len(answers) == 1, f"expected one response on stdout, found {len(answers)}"
r = answers[0]
assert r["statusCode"] == 200, r
body = base64.b64decode(r["body"]).decode() if r.get("isBase64Encoded") else r["body"]
assert json.loads(body)["title"] == "Switchboard workflow", body[:200]
print("lambda smoke passed: the packaged http handler answered GET /api/v1/schema/workflow.json with 200")

emf = [d for d in docs if "_aws" in d]
hits = [d for d in emf if d.get("route") == "/api/v1/schema/workflow.json" and d.get("switchboard.http.requests.count") == 1]
assert hits, f"no EMF line for the request among {len(emf)} EMF lines"
directive = hits[0]["_aws"]["CloudWatchMetrics"][0]
assert directive["Namespace"] == "Switchboard", directive
assert ["route"] in directive["Dimensions"], directive
print("lambda smoke passed: the invocation's meters were written as CloudWatch EMF (switchboard.http.requests)")
PY
