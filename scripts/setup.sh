#!/usr/bin/env bash
# Installs everything the suite needs on this kind of machine (see ../shared/spec/PLATFORM.md):
# Debian packages, the Python 3.7 virtualenv with Odoo 11 and pinned requirements, lessc from npm,
# and a running PostgreSQL with a superuser role for the current OS user.
# Idempotent: every step checks first and does nothing when it is already done.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

say() { echo "[setup] $*"; }
die() { echo "[setup] ERROR: $*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "'$*' needs root and sudo is not installed; run 'make setup' as root once."
    fi
}

# --- Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(postgresql libpq-dev libldap2-dev libsasl2-dev wkhtmltopdf
              chromium chromium-driver fonts-noto-cjk nodejs npm)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    # node and npm may come from elsewhere than Debian: a working binary is enough.
    if [ "$pkg" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
    if [ "$pkg" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || die "Debian packages ${missing[*]} are missing and there is no apt-get to install them."
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
        || die "apt-get could not install ${missing[*]}."
fi

# --- Python 3.7 and the virtualenv -----------------------------------------------------------
find_python37() {
    if python3.7 -c 'import sys' >/dev/null 2>&1; then command -v python3.7; return; fi
    if command -v pyenv >/dev/null 2>&1; then
        local candidate
        for candidate in "$(pyenv root)"/versions/3.7*/bin/python3.7; do
            if [ -x "$candidate" ] && "$candidate" -c 'import sys' >/dev/null 2>&1; then echo "$candidate"; return; fi
        done
    fi
    return 1
}

# This machine's pip configuration names local indexes that may be absent; pip warns about each package.
pip_install() {
    local output status=0
    output=$(.venv/bin/pip install -q --disable-pip-version-check "$@" 2>&1) || status=$?
    grep -v -e 'is ignored: it is neither a file nor a directory' -e '^$' <<<"$output" || true
    return $status
}

REQ_STAMP=.venv/.requirements.sha256
req_hash=$(cat requirements.txt scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [ ! -f "$REQ_STAMP" ] || [ "$(cat "$REQ_STAMP")" != "$req_hash" ]; then
    if [ ! -x .venv/bin/python ]; then
        PY37=$(find_python37) || die "Python 3.7 was not found (neither a working python3.7 nor one under pyenv); Odoo 11 needs Python 3.5-3.7."
        say "creating the Python 3.7 virtualenv with $PY37"
        "$PY37" -m venv .venv
    fi
    say "installing Python requirements (Odoo 11.0 and pinned libraries)"
    pip_install "pip==23.3.2" "wheel==0.42.0" || die "pip could not upgrade itself in .venv."
    # suds-jurko's setup.py uses use_2to3, which only the venv's old setuptools still accepts.
    pip_install --no-build-isolation "$(grep -i '^suds-jurko==' requirements.txt)" \
        || die "pip could not build suds-jurko (needed by Odoo 11)."
    pip_install -r requirements.txt || die "pip could not install requirements.txt (see the messages above)."
    echo "$req_hash" > "$REQ_STAMP"
fi

# --- lessc (Odoo 11 compiles its stylesheets with it) ----------------------------------------
LESS_VERSIONS="less@3.13.1 less-plugin-clean-css@1.5.1"
if [ ! -x .tools/node_modules/.bin/lessc ] || [ "$(cat .tools/.versions 2>/dev/null)" != "$LESS_VERSIONS" ]; then
    say "installing lessc from npm into .tools/"
    mkdir -p .tools
    # shellcheck disable=SC2086
    npm install --silent --no-audit --no-fund --prefix .tools $LESS_VERSIONS >/dev/null \
        || die "npm could not install $LESS_VERSIONS."
    echo "$LESS_VERSIONS" > .tools/.versions
fi

# --- PostgreSQL ------------------------------------------------------------------------------
command -v pg_lsclusters >/dev/null 2>&1 || die "pg_lsclusters is missing: the Debian postgresql package did not install."
cluster=$(pg_lsclusters -h | awk '{print $1" "$2" "$4; exit}')
[ -n "$cluster" ] || die "no PostgreSQL cluster exists; create one with 'pg_createcluster 15 main'."
read -r pg_version pg_name pg_status <<<"$cluster"
if [ "$pg_status" != online ]; then
    say "starting PostgreSQL $pg_version/$pg_name"
    as_root pg_ctlcluster "$pg_version" "$pg_name" start || die "PostgreSQL $pg_version/$pg_name would not start."
fi
me=$(id -un)
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi; }
for _ in 1 2 3 4 5 6 7 8 9 10; do as_postgres "psql -tAc 'SELECT 1'" >/dev/null 2>&1 && break; sleep 1; done
if [ "$(as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$me'\"")" != 1 ]; then
    say "creating PostgreSQL superuser role '$me'"
    as_postgres "createuser --superuser '$me'"
fi

say "ready"
