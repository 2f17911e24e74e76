# Pure-Python logic of cs_kpi: no Odoo import, unit-testable on its own.
