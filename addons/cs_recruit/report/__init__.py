from . import cs_recruit_report
from . import cs_training_report
