"""Pure-Python call-centre rules (no Odoo import): CTI events, CDR lines, PBX tokens."""
