"""Pure-Python business rules of the helpdesk: no Odoo import, unit-tested in milliseconds."""
from . import contact_check
from . import customer_profile
from . import sla_clock
from . import sla_matching
