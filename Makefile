# The customer-service suite: `make run` serves the demo, `make test` runs every test. See README.md.
SHELL := /bin/bash
DB ?= cs_demo
DEMO ?= 1
FORMAT ?= asterisk
ENCODING ?=
PORT ?= 8069

.PHONY: setup run db test import-cdr

setup:
	@scripts/setup.sh

run: setup
	@scripts/db.sh cs_demo 1
	@echo "[run] serving cs_demo on http://localhost:$(PORT) (admin / admin; demo users: password = login)"
	@bin/odoo -d cs_demo --db-filter='^cs_demo$$' --http-port=$(PORT)

db: setup
	@scripts/db.sh "$(DB)" "$(DEMO)"

test: setup
	@scripts/test.sh

import-cdr: setup
	@test -n "$(FILE)" || { echo "usage: make import-cdr DB=name FILE=path [FORMAT=asterisk|generic] [ENCODING=gbk]" >&2; exit 2; }
	@scripts/import_cdr.sh "$(DB)" "$(FILE)" "$(FORMAT)" "$(ENCODING)"
