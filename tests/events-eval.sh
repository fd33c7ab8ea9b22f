#!/usr/bin/env bash
# Scores the event coder on the development sets in ../shared/eval/events (not in the repository) with their own
# scorer. On demand only, not part of tests/run.sh. See docs/event-coding.md.
#
#   tests/events-eval.sh                          all six sets
#   tests/events-eval.sh petr2_en_silver arabic_protest
#   tests/events-eval.sh petr2_en_silver --errors 40     options (anything starting with -) go to score.py
#
# Builds once in Release, codes every sentence of a set in one process (`monitor code --jsonl`, as the classify service
# codes an article: classify, then code the classification), turns the output into the scorer's --pred JSON and runs
# `score.py --pred`. EVENTS_SAVE=DIR keeps each set's predictions (DIR/SET.json) and the coder's output (DIR/SET.out.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."

sets_dir=${EVENTS_SETS:-../shared/eval/events}
[[ -f "$sets_dir/score.py" ]] || { echo "events-eval: no sets at $sets_dir (set EVENTS_SETS)" >&2; exit 2; }

sets=() options=()
for arg in "$@"; do
  if [[ "$arg" == -* || "$arg" =~ ^[0-9]+$ ]]; then options+=("$arg"); else sets+=("${arg%.jsonl}"); fi
done
[[ ${#sets[@]} -gt 0 ]] || sets=(petr2_en_silver conflibert_quad_en upetr_es_protest upetr_es_fight arabic_protest arabic_assault)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build services/Monitor/Monitoring.Monitor -c Release --nologo -v q -o "$work/bin" >/dev/null

for set in "${sets[@]}"; do
  file="$sets_dir/$set.jsonl"
  [[ -f "$file" ]] || { echo "events-eval: no set $file" >&2; exit 2; }
  dotnet "$work/bin/monitor.dll" code --jsonl "$file" > "$work/$set.out.jsonl"
  python3 - "$work/$set.out.jsonl" "$work/$set.json" <<'PY'
import json, sys

def actor(a):
    # The CAMEO actor code the scorer reads: "USAGOV", "IGOUNO", "---REB" (a role with no country), or nothing.
    if not a or not (a.get("cameo") or a.get("code")):
        return None
    return a.get("cameo") or a["code"] + (a.get("sector") or "")

preds = {}
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        row = json.loads(line)
        preds[row["id"]] = {"events": [
            {"code": e["cameo"], "source": actor(e.get("source")), "target": actor(e.get("target")), "basis": e.get("basis")}
            for e in row["events"]]}
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(preds, out, ensure_ascii=False)
PY
  python3 "$sets_dir/score.py" --set "$file" --pred "$work/$set.json" "${options[@]}"
  if [[ -n "${EVENTS_SAVE:-}" ]]; then mkdir -p "$EVENTS_SAVE"; cp "$work/$set.json" "$work/$set.out.jsonl" "$EVENTS_SAVE/"; fi
  echo
done
