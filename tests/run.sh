#!/usr/bin/env bash
# Runs every test of the solution. Integration tests need RabbitMQ: when none answers on 127.0.0.1,
# tests/rabbitmq.sh installs (Debian) and starts one bound to loopback. MongoDB contract tests run when
# MONITORING_MONGO_URI is set or a Docker engine answers, and are reported skipped otherwise. The browser tests
# need Debian's chromium: tests/chromium.sh installs it when missing; screenshots land in artifacts/screenshots.
# Extra arguments go to `dotnet test` (e.g. --filter "Category!=Integration").
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(bash tests/rabbitmq.sh)"
bash tests/chromium.sh
if [[ -n "${MONITORING_RABBITMQ_THROWAWAY:-}" ]]; then
  trap 'rabbitmqctl delete_vhost "$MONITORING_RABBITMQ_VHOST" >/dev/null 2>&1; rabbitmqctl delete_user "$MONITORING_RABBITMQ_USER" >/dev/null 2>&1' EXIT
fi

results=$(mktemp -d)
status=0
dotnet test Monitoring.sln --nologo --logger "trx;LogFilePrefix=tests" --results-directory "$results" "$@" || status=$?

# One closing line a person (and CI) can read at a glance, summed over every test project.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [[ -e "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(value passed))); failed=$((failed + $(value failed)))
  skipped=$((skipped + $(value total) - $(value executed)))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
