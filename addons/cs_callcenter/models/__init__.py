from . import cs_call_queue
from . import res_users
