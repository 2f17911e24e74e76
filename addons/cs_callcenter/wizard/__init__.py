from . import cs_cdr_import_wizard
from . import cs_qa_review_appeal
from . import cs_campaign_attempt_wizard
