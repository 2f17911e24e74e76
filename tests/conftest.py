"""Fixtures of the cross-addon tests: a real Odoo server on the test database and a real headless Chromium."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCREENSHOTS = os.path.join(ROOT, 'var', 'screenshots')


def _free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


@pytest.fixture(scope='session')
def odoo_server(request):
    """Serve the test database with bin/odoo on a free local port; yield its base URL once it is loaded.

    bin/odoo answers HTTP while it still preloads the database; a request racing that preload can deadlock
    Python's imports and leave a half-loaded registry that answers 500. So the fixture waits for
    "Modules loaded." in the server's own log before the first request.
    """
    database = request.config.getoption('--odoo-database') or os.environ.get('CS_TEST_DB', 'cs_test')
    port = _free_port()
    log_path = os.path.join(ROOT, 'var', 'log', 'browser-server-%s.log' % database)
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    if os.path.exists(log_path):
        os.remove(log_path)
    server = subprocess.Popen(
        [os.path.join(ROOT, 'bin', 'odoo'), '-d', database, '--db-filter', '^%s$' % database,
         '--http-interface', '127.0.0.1', '--http-port', str(port), '--max-cron-threads', '0',
         '--log-level', 'info', '--logfile', log_path],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = 'http://127.0.0.1:%d' % port
    try:
        deadline = time.time() + 180
        while True:
            loaded = os.path.exists(log_path) and 'Modules loaded.' in open(log_path, errors='replace').read()
            if loaded:
                try:
                    if urllib.request.urlopen(base_url + '/web/login', timeout=30).status == 200:
                        break
                except OSError:
                    pass
            if server.poll() is not None or time.time() > deadline:
                pytest.fail('the Odoo server did not load %s on %s (see %s)' % (database, base_url, log_path))
            time.sleep(0.5)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def make_chromium():
    """A fresh headless Debian Chromium driven by Selenium, its console kept for ``get_log('browser')``.

    The caller quits it; its profile folder goes with the driver's ``quit``.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for binary in ('/usr/bin/chromium', '/usr/bin/chromedriver'):
        if not os.path.exists(binary):
            pytest.fail('%s is missing: run make setup (Debian packages chromium and chromium-driver)' % binary)
    profile = tempfile.mkdtemp(prefix='cs-chromium-')
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for argument in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                     '--disable-background-networking', '--disable-component-update', '--disable-sync',
                     '--no-first-run', '--window-size=1400,900', '--lang=zh-CN', '--user-data-dir=' + profile):
        options.add_argument(argument)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(60)
    quit_driver = driver.quit

    def quit_and_clean():
        quit_driver()
        shutil.rmtree(profile, ignore_errors=True)
    driver.quit = quit_and_clean
    return driver


@pytest.fixture
def browser():
    """A fresh headless Debian Chromium driven by Selenium."""
    driver = make_chromium()
    try:
        yield driver
    finally:
        driver.quit()


def save_screenshot(driver, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    path = os.path.join(SCREENSHOTS, name + '.png')
    driver.save_screenshot(path)
    return path
