"""Pure-Python rules of the recruitment addon (no Odoo import), unit-testable on their own."""
