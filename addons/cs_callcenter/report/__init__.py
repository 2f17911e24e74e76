from . import cs_campaign_report
