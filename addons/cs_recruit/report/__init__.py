from . import cs_recruit_report
