from . import res_company
from . import res_config_settings
from . import cs_recruit_channel
from . import hr_job
