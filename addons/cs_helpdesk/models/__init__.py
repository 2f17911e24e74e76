from . import cs_ticket_stage
from . import cs_ticket_type
from . import cs_team
from . import cs_ticket
from . import res_users
from . import cs_helpdesk_demo
