#!/usr/bin/env bash
# The whole test run: a fresh database with the four addons (demo data and zh_CN loaded, the install log
# checked for errors), then every test with pytest-odoo, the browser tests included. The pytest summary
# line is the last thing printed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export CS_TEST_DB=${CS_TEST_DB:-cs_test}

echo "[test] fresh database $CS_TEST_DB"
dropdb --if-exists "$CS_TEST_DB"
rm -f "var/state/db-$CS_TEST_DB.sha256"
scripts/db.sh "$CS_TEST_DB" 1

echo "[test] running the tests"
set +e
.venv/bin/pytest --odoo-config=odoo.conf --odoo-database="$CS_TEST_DB" --odoo-log-level=warn \
    -p no:cacheprovider addons tests "$@"
status=$?
set -e
exit $status
