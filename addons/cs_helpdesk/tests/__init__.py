from . import test_contact_check
from . import test_ticket_ownership
from . import test_ticket_dispatch
from . import test_ticket_access
from . import test_email_intake
