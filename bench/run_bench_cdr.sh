#!/usr/bin/env bash
# CDR import benchmark: bulk path vs plain ORM create, into a database already holding 1,000,000 calls.
#   bench/run_bench_cdr.sh [DB=bench_cdr] [BULK_LINES=20000] [ORM_LINES=2000]
# Creates (or upgrades) the scratch database without demo data, fills it once, then measures; the
# measured imports are rolled back, so every run starts from the same 1,000,000 calls.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:-bench_cdr}
case "$DB" in *bench*) ;; *) echo "bench: use a scratch database whose name contains bench" >&2; exit 2;; esac
export CS_BENCH_BULK_LINES=${2:-20000} CS_BENCH_ORM_LINES=${3:-2000} CS_BENCH_FILL=${CS_BENCH_FILL:-1000000}
"$ROOT/scripts/db.sh" "$DB" 0
"$ROOT/bin/odoo" shell -d "$DB" --log-level=warn --no-http < "$ROOT/bench/bench_cdr.py"
