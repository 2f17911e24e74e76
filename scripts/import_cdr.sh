#!/usr/bin/env bash
# Command-line CDR import (C2): scripts/import_cdr.sh DB FILE [asterisk|generic]  (make import-cdr calls it).
# Runs cs_callcenter's bulk importer inside `bin/odoo shell`, prints progress, then a per-line error report.
# CS_CDR_STRICT=1 imports nothing when any line is bad; CS_CDR_TZ sets the PBX timezone (default Asia/Shanghai).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:?usage: scripts/import_cdr.sh DB FILE [asterisk|generic]}
FILE=${2:?usage: scripts/import_cdr.sh DB FILE [asterisk|generic]}
FORMAT=${3:-asterisk}
case "$FORMAT" in asterisk|generic) ;; *) echo "import-cdr: FORMAT must be asterisk or generic, not '$FORMAT'" >&2; exit 2;; esac
[ -r "$FILE" ] || { echo "import-cdr: cannot read $FILE" >&2; exit 2; }
export CS_CDR_FILE=$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")
export CS_CDR_FORMAT=$FORMAT CS_CDR_STRICT=${CS_CDR_STRICT:-0} CS_CDR_TZ=${CS_CDR_TZ:-Asia/Shanghai}
export CS_CDR_REPORT=$(mktemp)
trap 'rm -f "$CS_CDR_REPORT"' EXIT

"$ROOT/bin/odoo" shell -d "$DB" --log-level=warn --no-http <<'PYTHON'
import os, sys
result = env['cs.cdr.importer'].import_file_cli(
    os.environ['CS_CDR_FILE'], os.environ['CS_CDR_FORMAT'], strict=os.environ['CS_CDR_STRICT'] == '1',
    tz=os.environ['CS_CDR_TZ'], out=sys.stdout)
env.cr.commit()
with open(os.environ['CS_CDR_REPORT'], 'w') as report:
    for line, reason in result['errors']:
        report.write('line %d: %s\n' % (line, reason))
    report.write('SUMMARY %(lines)d lines: %(imported)d imported, %(skipped)d already known, ' % result
                 + '%d bad\n' % len(result['errors']))
PYTHON
grep -v '^SUMMARY' "$CS_CDR_REPORT" | sed 's/^/[import-cdr] /' || true
summary=$(grep '^SUMMARY' "$CS_CDR_REPORT" | cut -d' ' -f2-) || { echo "import-cdr: the import did not finish" >&2; exit 1; }
echo "[import-cdr] $summary"
