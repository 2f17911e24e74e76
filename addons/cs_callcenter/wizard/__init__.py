from . import cs_cdr_import_wizard
