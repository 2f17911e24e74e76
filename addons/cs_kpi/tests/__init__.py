from . import test_kpi_scoring
from . import test_kpi_definition
