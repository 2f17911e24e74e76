from . import cs_qa_completion_report
