#!/usr/bin/env bash
# Runs every test of the solution. Integration tests need RabbitMQ: when none answers on 127.0.0.1,
# tests/rabbitmq.sh installs (Debian) and starts one bound to loopback. MongoDB contract tests run when
# MONITORING_MONGO_URI is set or a Docker engine answers, and are reported skipped otherwise.
# Extra arguments go to `dotnet test` (e.g. --filter "Category!=Integration").
set -euo pipefail
cd "$(dirname "$0")/.."

# A test file outside every test project would never compile or run: say so instead of passing without it.
orphans=$(find tests -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' | while read -r file; do
  dir=$(dirname "$file")
  until compgen -G "$dir/*.csproj" >/dev/null || [[ "$dir" == tests ]]; do dir=$(dirname "$dir"); done
  if [[ "$dir" == tests ]]; then echo "$file"; fi
done)
if [[ -n "$orphans" ]]; then
  echo "These test files belong to no test project (tests/Monitoring.<Service>.Tests/<feature folder>/ is where they go):" >&2
  echo "$orphans" >&2
  exit 1
fi

eval "$(bash tests/rabbitmq.sh)"
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
