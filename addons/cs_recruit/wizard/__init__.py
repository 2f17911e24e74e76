from . import cs_screening_override
from . import cs_recruit_analysis
from . import cs_training_monthly_exam
