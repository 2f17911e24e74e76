from . import test_requisition_service
from . import test_hr_job
