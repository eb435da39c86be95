#!/usr/bin/env bash
# Checks infra/: formatting, validation, then a full apply and destroy against a local moto server,
# with boto3 checking that what was created is what the application needs.
#
# Needs: terraform 1.11, the AWS provider 5.x in a filesystem mirror (TF_PROVIDER_MIRROR, default
# /opt/tf-plugins), moto_server (Python moto 5.2), python3 with boto3.
# Leaves nothing behind: the work happens in a temporary copy, and moto is stopped on exit.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mirror="${TF_PROVIDER_MIRROR:-/opt/tf-plugins}"
moto_server="${MOTO_SERVER:-$(command -v moto_server || echo /root/.pyenv/shims/moto_server)}"
admin_token="ci-admin-token-not-a-secret"

work="$(mktemp -d -t switchboard-tf-check.XXXXXX)"
moto_pid=""
cleanup() {
  local rc=$?
  if [[ -n "$moto_pid" ]] && kill -0 "$moto_pid" 2>/dev/null; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 && -s "$work/moto.log" ]]; then
    echo "--- last lines of the moto log ---" >&2
    tail -n 20 "$work/moto.log" >&2
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { printf '\n== %s\n' "$*"; }

# The provider comes from the local mirror only: no registry is contacted.
cat >"$work/cli.tfrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
EOF
export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
export TF_IN_AUTOMATION=1
export TF_INPUT=0

step "terraform fmt"
terraform -chdir="$repo" fmt -check -recursive -diff infra

# A throwaway copy, so neither .terraform/ nor state nor the test override ever lands in infra/.
mkdir "$work/infra"
cp "$repo"/infra/*.tf "$work/infra/"
tf() { terraform -chdir="$work/infra" "$@"; }

step "terraform init + validate"
tf init -no-color >/dev/null
tf validate -no-color

step "moto"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
endpoint="http://127.0.0.1:$port"
"$moto_server" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 1 100); do
  if curl -fsS "$endpoint/moto-api/" >/dev/null 2>&1; then break; fi
  kill -0 "$moto_pid" 2>/dev/null || { echo "moto_server exited at start" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$endpoint/moto-api/" >/dev/null
echo "moto_server pid $moto_pid on $endpoint"

# Credentials and endpoints for boto3; never real ones.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN

sed "s|@MOTO_ENDPOINT@|$endpoint|g" "$repo/.ci/moto/moto_override.tf.template" >"$work/infra/moto_override.tf"

# What an operator creates before the first apply: the admin token parameter.
python3 - "$endpoint" "$admin_token" <<'EOF'
import sys, boto3
endpoint, token = sys.argv[1:3]
ssm = boto3.client("ssm", endpoint_url=endpoint)
ssm.put_parameter(Name="/switchboard/admin-token", Value=token, Type="SecureString", Overwrite=True)
ssm.put_parameter(Name="/switchboard/secrets-key", Value="Y2ktc2VjcmV0cy1rZXktbm90LWEtc2VjcmV0LTAwMDA=",
                  Type="SecureString", Overwrite=True)
EOF

# The real package when it was built; otherwise a stand-in (moto stores code, it never runs it).
zip_path="$repo/target/function.zip"
if [[ ! -f "$zip_path" ]]; then
  zip_path="$work/function.zip"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("placeholder.txt", "not a real package\n")' "$zip_path"
fi
echo "package: $zip_path"

tf_vars=(-var "lambda_zip_path=$zip_path" -var "table_deletion_protection=false")

step "terraform apply (moto)"
tf apply -auto-approve -no-color "${tf_vars[@]}" >"$work/apply.log" 2>&1 || { cat "$work/apply.log" >&2; exit 1; }
grep -E '^Apply complete' "$work/apply.log"

step "verify (boto3 against moto)"
tf output -json >"$work/outputs.json"
python3 "$repo/.ci/moto/verify.py" "$endpoint" "$work/outputs.json" "$admin_token"

step "terraform destroy (moto)"
# moto 5.2 ignores the Qualifier of RemovePermission: it deletes the statement from the unqualified
# function while the provider waits for it to leave the alias's policy (5 minutes, then an error).
# The statement goes away with the function anyway, so it is only forgotten here.
tf state rm -no-color aws_lambda_permission.http_url >/dev/null
tf destroy -auto-approve -no-color "${tf_vars[@]}" >"$work/destroy.log" 2>&1 || { cat "$work/destroy.log" >&2; exit 1; }
grep -E '^Destroy complete' "$work/destroy.log"
python3 "$repo/.ci/moto/verify_destroyed.py" "$endpoint"

echo
echo "terraform check passed"
