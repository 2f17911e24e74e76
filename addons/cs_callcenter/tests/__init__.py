from . import test_call_queue
from . import test_cti_event_service
from . import test_cdr_service
from . import test_cti_events
from . import test_cdr_import
from . import test_call_access
from . import test_agent_status
from . import test_call_security
