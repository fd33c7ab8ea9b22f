#!/usr/bin/env bash
# Scores topic relevance on the topic development set (../shared/eval/topics, not in the repository) with its own
# scorer. On demand only, not part of tests/run.sh. See docs/classification.md.
#
#   tests/topics-eval.sh                    all 389 articles
#   tests/topics-eval.sh --errors           every miss and false alarm, with the reason it was labelled so
#   tests/topics-eval.sh --source voa       one source; any option goes to score.py
#   TOPICS_SAVE=preds.jsonl tests/topics-eval.sh   keeps the predictions (score.py --pred format)
#
# Every article is written to a file exactly as `score.py --cmd` would (title on the first line, a blank line, the
# text) and all of them are classified by one `monitor classify` process, so the model loads once, not 389 times.
set -euo pipefail
cd "$(dirname "$0")/.."

set_dir=${TOPICS_SET:-../shared/eval/topics}
[[ -f "$set_dir/score.py" && -f "$set_dir/texts.jsonl" ]] || { echo "topics-eval: no development set at $set_dir (set TOPICS_SET)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build services/Monitor/Monitoring.Monitor -c Release --nologo -v q -o "$work/bin" >/dev/null
mkdir "$work/texts"
python3 - "$set_dir/texts.jsonl" "$work/texts" <<'PY'
import json, os, sys
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        if not line.strip():
            continue
        item = json.loads(line)
        title = (item.get("title") or "").strip()
        text = item.get("text") or ""
        body = (title.replace("\n", " ") + "\n\n" + text) if title else text
        with open(os.path.join(sys.argv[2], item["id"] + ".txt"), "w", encoding="utf-8") as f:
            f.write(body)
PY

dotnet "$work/bin/monitor.dll" classify --compact "$work"/texts/*.txt > "$work/out.jsonl"
python3 - "$work/out.jsonl" "$work/preds.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[1], encoding="utf-8") as lines, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in lines:
        row = json.loads(line)
        name = os.path.basename(row["input"])[:-len(".txt")]
        out.write(json.dumps({"id": name, "topics": [t["id"] for t in row.get("topics") or []], "ok": True}) + "\n")
PY
python3 "$set_dir/score.py" --pred "$work/preds.jsonl" "$@"
if [[ -n "${TOPICS_SAVE:-}" ]]; then cp "$work/preds.jsonl" "$TOPICS_SAVE"; cp "$work/out.jsonl" "${TOPICS_SAVE%.jsonl}.out.jsonl"; fi
