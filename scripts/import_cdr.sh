#!/usr/bin/env bash
# Command-line CDR import (C2): scripts/import_cdr.sh DB FILE [asterisk|generic] [ENCODING]  (make import-cdr calls it).
# Reads FILE here, on the command line's side, and hands its bytes to cs_callcenter's bulk importer inside
# `bin/odoo shell` (no RPC method ever opens a server path); prints progress, then the report: warnings and
# errors with their line numbers, and a summary. ENCODING (gbk, gb18030, utf-8 …) forces the file's
# character set; without it UTF-8 or GB18030 is detected.
# CS_CDR_STRICT=1 imports nothing when any line is an error; CS_CDR_TZ sets the PBX timezone (default Asia/Shanghai).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
USAGE="usage: scripts/import_cdr.sh DB FILE [asterisk|generic] [ENCODING]"
DB=${1:?$USAGE}
FILE=${2:?$USAGE}
FORMAT=${3:-asterisk}
ENCODING=${4:-}
case "$FORMAT" in asterisk|generic) ;; *) echo "import-cdr: FORMAT must be asterisk or generic, not '$FORMAT'" >&2; exit 2;; esac
[ -r "$FILE" ] || { echo "import-cdr: cannot read $FILE" >&2; exit 2; }
export CS_CDR_FILE=$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")
export CS_CDR_FORMAT=$FORMAT CS_CDR_ENCODING=$ENCODING CS_CDR_STRICT=${CS_CDR_STRICT:-0} CS_CDR_TZ=${CS_CDR_TZ:-Asia/Shanghai}
export CS_CDR_REPORT=$(mktemp)
trap 'rm -f "$CS_CDR_REPORT"' EXIT

"$ROOT/bin/odoo" shell -d "$DB" --log-level=warn --no-http <<'PYTHON'
import os, sys, time
with open(os.environ['CS_CDR_FILE'], 'rb') as cdr_file:
    content = cdr_file.read()
started = time.time()

def progress(done, total):
    elapsed = max(time.time() - started, 1e-6)
    sys.stdout.write('\r[import-cdr] %d/%d lines (%d%%), %d lines/s' % (
        done, total, 100 * done // max(total, 1), done / elapsed))
    sys.stdout.flush()

try:
    report = env['cs.cdr.importer']._import_content(
        content, os.environ['CS_CDR_FORMAT'], encoding=os.environ['CS_CDR_ENCODING'] or None,
        strict=os.environ['CS_CDR_STRICT'] == '1', tz=os.environ['CS_CDR_TZ'], progress=progress)
except Exception as error:
    sys.stdout.write('\n')
    with open(os.environ['CS_CDR_REPORT'], 'w') as out:
        out.write('FAILED %s\n' % (getattr(error, 'name', None) or error))
    raise SystemExit(0)
sys.stdout.write('\n')
env.cr.commit()
with open(os.environ['CS_CDR_REPORT'], 'w') as out:
    for line, reason in report['warnings']:
        out.write('line %d: warning: %s\n' % (line, reason))
    for line, reason in report['errors']:
        out.write('line %d: error: %s\n' % (line, reason))
    if report['unknown_queues']:
        out.write('unknown queues (create them under 配置 › 呼叫队列 or from the import wizard): %s\n'
                  % ', '.join(report['unknown_queues']))
    out.write('SUMMARY %(lines)d lines read (%(encoding)s): %(calls_created)d calls created, '
              '%(calls_updated)d updated, %(legs_merged)d legs merged, %(legs_known)d legs already imported, ' % report
              + '%d warnings, %d errors\n' % (len(report['warnings']), len(report['errors'])))
PYTHON
if grep -q '^FAILED' "$CS_CDR_REPORT"; then
    echo "import-cdr: $(sed -n 's/^FAILED //p' "$CS_CDR_REPORT")" >&2
    exit 1
fi
grep -v '^SUMMARY' "$CS_CDR_REPORT" | sed 's/^/[import-cdr] /' || true
summary=$(grep '^SUMMARY' "$CS_CDR_REPORT" | cut -d' ' -f2-) || { echo "import-cdr: the import did not finish" >&2; exit 1; }
echo "[import-cdr] $summary"
