#!/usr/bin/env bash
# The README's main command: the whole pipeline on the bundled samples, with the Feb 2016
# Syria cessation of hostilities, then the day's situation report and the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
TW=.venv/bin/trucewatch
DB=${DEMO_DB:-out/demo.duckdb}
mkdir -p out
echo "== trucewatch run samples/{text,html,feeds,archive} --agreement syria-coh-2016 (store: $DB)"
$TW run samples/text samples/html samples/feeds samples/archive --db "$DB" --agreement syria-coh-2016
echo
echo "== trucewatch incidents (newest 15)"
$TW incidents --db "$DB" --limit 15
if $TW report --help >/dev/null 2>&1; then
  echo
  echo "== trucewatch report --date 2016-02-27"
  $TW report --date 2016-02-27 --agreement syria-coh-2016 --db "$DB" --out out/report
fi
if [ "${DEMO_SERVE:-1}" = "1" ] && $TW serve --help >/dev/null 2>&1; then
  echo
  echo "== dashboard: http://127.0.0.1:${DEMO_PORT:-8000}/  (Ctrl-C to stop)"
  exec $TW serve --db "$DB" --host 127.0.0.1 --port "${DEMO_PORT:-8000}"
fi
