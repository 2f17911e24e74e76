"""Pure-Python business rules of the helpdesk: no Odoo import, unit-tested in milliseconds."""
from . import contact_check
