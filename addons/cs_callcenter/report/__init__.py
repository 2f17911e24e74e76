from . import cs_qa_completion_report
from . import cs_campaign_report
