#!/usr/bin/env bash
# Scores HTML extraction on the WCXB development pages (../shared/eval/extraction, not in the repository) with the
# shared scorer. On demand only, not part of tests/run.sh. See docs/extraction.md.
#
#   tests/extraction-eval.sh              ours (`monitor extract`): text figures, then title/author/date accuracy
#   tests/extraction-eval.sh --baseline   unmodified SmartReader (`monitor extract --baseline`)
#   tests/extraction-eval.sh --per-page   any further option goes to the scorer
#
# Every page is extracted on its own (no --source, so nothing is learnt across pages), exactly as the scorer's
# own --cmd mode would run it, only in one process instead of 300: see docs/extraction.md for the --cmd form.
set -euo pipefail
cd "$(dirname "$0")/.."

pages=${EXTRACTION_PAGES:-../shared/eval/extraction/wcxb-dev-articles}
scorer=${EXTRACTION_SCORER:-../shared/tools/extraction-f1.py}
[[ -d "$pages" ]] || { echo "extraction-eval: no pages at $pages (set EXTRACTION_PAGES)" >&2; exit 2; }
[[ -f "$scorer" ]] || { echo "extraction-eval: no scorer at $scorer (set EXTRACTION_SCORER)" >&2; exit 2; }

extract_args=()
if [[ "${1:-}" == "--baseline" ]]; then extract_args+=(--baseline); shift; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build services/Monitor/Monitoring.Monitor -c Release --nologo -v q -o "$work/bin" >/dev/null
for gz in "$pages"/*.html.gz; do
  gunzip -c "$gz" > "$work/$(basename "$gz" .gz)"
done

dotnet "$work/bin/monitor.dll" extract "${extract_args[@]}" "$work"/*.html > "$work/out.jsonl"
python3 - "$work/out.jsonl" "$work/preds.json" <<'PY'
import json, os, sys
preds = {}
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        row = json.loads(line)
        preds[os.path.basename(row["path"])[:-len(".html")]] = {"text": row["text"]}
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(preds, out, ensure_ascii=False)
PY
python3 "$scorer" --pages "$pages" --pred "$work/preds.json" "$@"
python3 tests/extraction-metadata.py --pages "$pages" --extracted "$work/out.jsonl"
if [[ -n "${EXTRACTION_SAVE:-}" ]]; then cp "$work/preds.json" "$EXTRACTION_SAVE"; cp "$work/out.jsonl" "${EXTRACTION_SAVE%.json}.jsonl"; fi
