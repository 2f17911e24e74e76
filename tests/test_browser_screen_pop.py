"""The CTI webhook over real HTTP, and the screen pop (C3) in a real browser.

The server serves the test database with demo data: the demo PBX's token is ``cs-demo-pbx-token`` and the
demo agent ``agent`` (张伟) has extension 8001. Each run uses fresh call ids, so it can be repeated.
"""
import json
import os
import time
import urllib.error
import urllib.request
import uuid
import xmlrpc.client

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import WebDriverWait

from conftest import save_screenshot
from test_browser_smoke import login

DEMO_TOKEN = 'cs-demo-pbx-token'
SERVED = {}  # the database the server of this module serves, for the XML-RPC checks


@pytest.fixture(scope='module')
def cti_server(request, odoo_server):
    """The shared server of tests/conftest.py, and the database it serves, for the XML-RPC checks."""
    SERVED['database'] = request.config.getoption('--odoo-database') or os.environ.get('CS_TEST_DB', 'cs_test')
    return odoo_server


def post_event(base_url, payload, token=DEMO_TOKEN, raw=None):
    """POST a CTI event as a PBX does: plain JSON, no JSON-RPC envelope. Returns (status, decoded body)."""
    headers = {'Content-Type': 'application/json'}
    if token is not None:
        headers['X-CS-Token'] = token
    data = raw if raw is not None else json.dumps(payload).encode('utf-8')
    request = urllib.request.Request(base_url + '/cs/cti/event', data=data, headers=headers, method='POST')
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read().decode('utf-8'))
    except urllib.error.HTTPError as error:
        body = error.read().decode('utf-8')
        return error.code, json.loads(body) if body.startswith('{') else body


def ring(number, call_id=None, agent='8002'):
    return {'event': 'ring', 'call_id': call_id or 'browser-%s' % uuid.uuid4().hex, 'from': number, 'to': '96123',
            'direction': 'in', 'queue': 'hotline', 'agent': agent, 'timestamp': int(time.time())}


def admin_call(base_url, model, method, *args, **kwargs):
    database = SERVED['database']
    uid = xmlrpc.client.ServerProxy(base_url + '/xmlrpc/2/common').authenticate(database, 'admin', 'admin', {})
    return xmlrpc.client.ServerProxy(base_url + '/xmlrpc/2/object').execute_kw(
        database, uid, 'admin', model, method, list(args), kwargs)


def test_a_plain_json_event_reaches_the_route_and_builds_a_call(cti_server):
    call_id = 'http-%s' % uuid.uuid4().hex
    status, body = post_event(cti_server, ring('13805310001', call_id))
    assert (status, body) == (200, {'ok': True, 'call_id': call_id})
    # The same ring again changes nothing and answers the same.
    assert post_event(cti_server, ring('13805310001', call_id)) == (200, {'ok': True, 'call_id': call_id})
    hangup = {'event': 'hangup', 'call_id': call_id, 'timestamp': int(time.time()) + 30, 'cause': 'abandon'}
    assert post_event(cti_server, hangup)[0] == 200
    calls = admin_call(cti_server, 'cs.call', 'search_read', [('call_uid', '=', call_id)],
                       fields=['status', 'caller_number', 'wait_seconds'])
    assert len(calls) == 1 and calls[0]['status'] == 'abandoned', calls
    assert calls[0]['caller_number'] == '+8613805310001'


def test_a_missing_or_wrong_token_is_401_and_writes_nothing(cti_server):
    call_id = 'http-%s' % uuid.uuid4().hex
    for token in (None, '', 'wrong-token-123456'):
        status, body = post_event(cti_server, ring('13805310001', call_id), token=token)
        assert status == 401 and body['ok'] is False, (token, status, body)
    assert admin_call(cti_server, 'cs.call', 'search_count', [('call_uid', '=', call_id)]) == 0


def test_bad_input_is_400_with_a_message_that_names_the_problem(cti_server):
    cases = [
        (None, b'{"event": "ring", ', 'not valid JSON'),
        ({'event': 'transfer', 'call_id': 'x', 'timestamp': 1}, None, "unknown event 'transfer'"),
        (dict(ring('13805310001'), queue='nowhere'), None, "unknown queue 'nowhere'"),
        (dict(ring('13805310001'), agent='9999'), None, "unknown agent extension '9999'"),
        (dict(ring('13805310001'), timestamp='yesterday'), None, 'timestamp'),
        ([1, 2, 3], None, 'JSON object'),
    ]
    for payload, raw, words in cases:
        status, body = post_event(cti_server, payload, raw=raw)
        assert status == 400, (payload, status, body)
        assert body['ok'] is False and words in body['error'], (words, body)


def test_the_ring_pops_the_callers_file_on_the_agents_screen(cti_server, browser):
    customer = admin_call(cti_server, 'res.partner', 'search_read',
                          # A customer of the centre: candidates' contacts are for recruiters only.
                          [('customer', '=', True), ('cs_mobile_e164', '!=', False), ('cs_applicant_ids', '=', False)],
                          fields=['name', 'mobile', 'cs_mobile_e164'], limit=1)[0]
    login(browser, cti_server, 'agent', 'agent', redirect='/web')
    wait = WebDriverWait(browser, 60)
    wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.o_cs_agent_status_menu[data-state]')))
    time.sleep(2)  # let the bus start polling

    assert post_event(cti_server, ring(customer['mobile'], agent='8001'))[0] == 200
    # The bus also delivers what it sent in the last minute, so look for this caller's pop among any others.
    wait.until(lambda driver: any(customer['name'] in pop.text for pop in driver.find_elements(
        By.CSS_SELECTOR, '.modal .o_cs_screen_pop .o_cs_pop_partner')))
    for modal in browser.find_elements(By.CSS_SELECTOR, '.modal'):
        if customer['name'] not in modal.text:
            browser.execute_script('arguments[0].remove()', modal)
    pop = browser.find_element(By.CSS_SELECTOR, '.modal .o_cs_screen_pop')
    assert customer['name'] in pop.text, pop.text
    save_screenshot(browser, 'screen-pop-known-customer')
    # The "incoming call" notification may cover the button; click it the way a script would.
    browser.execute_script('arguments[0].click()', browser.find_element(By.CSS_SELECTOR, '.modal .o_cs_pop_open_partner'))
    wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, '.o_form_view .oe_title'), customer['name']))

    unknown = '1390000%04d' % (int(time.time()) % 10000)
    assert post_event(cti_server, ring(unknown, agent='8001'))[0] == 200
    wait.until(lambda driver: any(unknown[-8:] in pop.text for pop in driver.find_elements(
        By.CSS_SELECTOR, '.modal .o_cs_screen_pop')))
    for modal in browser.find_elements(By.CSS_SELECTOR, '.modal'):
        if unknown[-8:] not in modal.text:
            browser.execute_script('arguments[0].remove()', modal)
    assert browser.find_element(By.CSS_SELECTOR, '.modal .o_cs_pop_unknown').is_displayed()
    save_screenshot(browser, 'screen-pop-unknown-number')
    browser.execute_script('arguments[0].click()', browser.find_element(By.CSS_SELECTOR, '.modal .o_cs_pop_create_ticket'))
    def phone_filled_in(driver):
        return any(unknown[-8:] in (field.get_attribute('value') or field.text or '')
                   for field in driver.find_elements(By.CSS_SELECTOR, '.o_form_view [name=phone]'))
    WebDriverWait(browser, 60, ignored_exceptions=(StaleElementReferenceException,)).until(phone_filled_in)
    save_screenshot(browser, 'screen-pop-new-work-order')
