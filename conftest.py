"""pytest-odoo 1.0.1 reads an addon manifest for every path it is asked about and crashes on those that belong
to no addon (the addons/ folder itself, an addon's own folder, the cross-addon tests in tests/). These hooks
answer for such paths first: collect them, and import tests/ as plain pytest modules."""
import os

import pytest

ROOT = os.path.dirname(os.path.abspath(__file__))
CROSS_ADDON_TESTS = os.path.join(ROOT, 'tests')


def _inside_an_addon(path):
    """True when pytest-odoo's own look-up (a manifest in one of the 5 parents' parents) finds one."""
    for parent in list(path.parents)[:6]:
        if (parent / '__manifest__.py').is_file():
            return True
    return False


@pytest.hookimpl(tryfirst=True)
def pytest_ignore_collect(collection_path):
    if not _inside_an_addon(collection_path):
        return False
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path, parent):
    if str(module_path).startswith(CROSS_ADDON_TESTS + os.sep):
        return pytest.Module.from_parent(parent, path=module_path)
    return None
