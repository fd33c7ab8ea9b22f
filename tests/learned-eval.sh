#!/usr/bin/env bash
# Measures a learned layer (all-MiniLM-L6-v2 over title and lead; nearest neighbours and logistic regression) against
# the rules on the topic development set (../shared/eval/topics, not in the repository), by k-fold cross-validation.
# On demand only, not part of tests/run.sh; the project is not in Monitoring.sln. See docs/classification.md.
#
#   tests/learned-eval.sh                      title + 300 characters, 5 folds
#   tests/learned-eval.sh --lead 600 --folds 10
set -euo pipefail
cd "$(dirname "$0")/.."
set_dir=${TOPICS_SET:-../shared/eval/topics}
dotnet run -c Release --project tests/Monitoring.Evaluation.Learned -- --set "$set_dir" "$@"
