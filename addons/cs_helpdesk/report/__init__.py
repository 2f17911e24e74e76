from . import cs_return_visit_report
from . import cs_satisfaction_report
