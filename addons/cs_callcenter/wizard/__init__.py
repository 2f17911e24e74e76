from . import cs_cdr_import_wizard
from . import cs_qa_review_appeal
