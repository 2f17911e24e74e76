#!/usr/bin/env bash
# Create or upgrade database $1 with the suite's four addons; $2 = 1 loads demo data (default), 0 does not.
# A second run with unchanged addons does nothing; changed addons are upgraded in place.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DB=${1:?usage: scripts/db.sh NAME [DEMO=1|0]}
DEMO=${2:-1}
ADDONS=cs_helpdesk,cs_callcenter,cs_kpi,cs_recruit
mkdir -p var/log var/state
LOG=var/log/db-$DB.log
STAMP=var/state/db-$DB.sha256

: > "$LOG"
addons_hash=$(find addons odoo.conf -type f -not -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
db_exists=$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")
installed=""
if [ "$db_exists" = 1 ]; then
    installed=$(psql -d "$DB" -tAc "SELECT 1 FROM ir_module_module WHERE name = 'cs_helpdesk' AND state = 'installed'" 2>/dev/null || true)
fi

demo_args=()
[ "$DEMO" = 0 ] && demo_args=(--without-demo=all)

if [ "$installed" = 1 ]; then
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$addons_hash" ]; then
        echo "[db] $DB is up to date"
        exit 0
    fi
    echo "[db] upgrading the addons in $DB (log: $LOG)"
    bin/odoo -d "$DB" -u "$ADDONS" --stop-after-init --logfile="$LOG" --log-level=info "${demo_args[@]}"
else
    echo "[db] creating $DB with $ADDONS (demo data: $DEMO; log: $LOG)"
    bin/odoo -d "$DB" -i "$ADDONS" --load-language=zh_CN --stop-after-init --logfile="$LOG" --log-level=info \
        "${demo_args[@]}"
fi
if grep -qE ' (ERROR|CRITICAL) |^Traceback' "$LOG"; then
    echo "[db] the Odoo log of $DB shows errors:" >&2
    grep -nE -A15 ' (ERROR|CRITICAL) |^Traceback' "$LOG" | head -60 >&2
    exit 1
fi
echo "$addons_hash" > "$STAMP"
echo "[db] $DB ready"
