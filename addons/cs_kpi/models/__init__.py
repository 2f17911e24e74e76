from . import cs_kpi_definition
