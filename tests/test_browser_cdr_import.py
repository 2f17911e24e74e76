"""The CDR import in a real browser (demo database, Chinese): the supervisor uploads a GBK Master.csv with a
forked call, an unknown queue and a bad line; the report shows warnings and errors apart, creates the unknown
queue in one click, and the call's form shows its two legs. Fresh call ids on each run, so it can be repeated."""
import csv
import io
import os
import tempfile
import uuid
import xmlrpc.client

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import WebDriverWait

from conftest import save_screenshot
from test_browser_smoke import login


def master_csv(tag):
    """Three calls of 18 columns: a fork to 8002 (no answer) and 8001 (answered) in queue hotline, a call to
    an unknown queue, and a line whose start is no date."""
    def line(uniqueid, dstchannel, disposition, lastdata='hotline', start='2024-01-28 13:38:20',
             answer='2024-01-28 13:38:26', billsec='120'):
        return ['', '13805310001', '96123', 'from-pstn', '"王小明" <13805310001>', 'SIP/trunk-00000001', dstchannel,
                'Queue', lastdata, start, answer if disposition == 'ANSWERED' else '', '2024-01-28 13:40:26', '126',
                billsec if disposition == 'ANSWERED' else '0', disposition, 'DOCUMENTATION', uniqueid, '']
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator='\r\n')
    writer.writerow(line(tag + '-fork', 'SIP/8002-00000002', 'NO ANSWER'))
    writer.writerow(line(tag + '-fork', 'SIP/8001-00000003', 'ANSWERED'))
    writer.writerow(line(tag + '-new', 'SIP/8001-00000004', 'ANSWERED', lastdata='q' + tag[-8:]))
    writer.writerow(line(tag + '-bad', 'SIP/8001-00000005', 'ANSWERED', start='someday'))
    return buffer.getvalue().encode('gbk')


def test_the_supervisor_imports_a_file_creates_its_queue_and_sees_the_legs(request, odoo_server, browser):
    tag = 'browser-%s' % uuid.uuid4().hex
    folder = tempfile.mkdtemp(prefix='cs-cdr-')
    path = os.path.join(folder, 'Master.csv')
    with open(path, 'wb') as cdr_file:
        cdr_file.write(master_csv(tag))
    login(browser, odoo_server, 'supervisor', 'supervisor', redirect='/web#action=cs_callcenter.cs_cdr_import_wizard_action')
    wait = WebDriverWait(browser, 60)
    upload = wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.modal input.o_input_file')))
    upload.send_keys(path)
    wait.until(lambda driver: 'Master.csv' in driver.find_element(By.CSS_SELECTOR, '.modal .o_field_binary_file').get_attribute('innerHTML')
               or driver.find_element(By.CSS_SELECTOR, '.modal input.o_input').get_attribute('value'))
    browser.find_element(By.CSS_SELECTOR, '.modal-footer button[name=action_import]').click()
    button = wait.until(expected.visibility_of_element_located(
        (By.CSS_SELECTOR, '.modal button[name=action_create_queues]')))
    report = browser.find_element(By.CSS_SELECTOR, '.modal .o_form_view').text
    save_screenshot(browser, 'supervisor-cdr-import-report')
    # 4 lines, 2 calls, 1 leg merged into the forked call, 1 warning (the queue), 1 error (the date).
    assert '新建通话' in report and '合并通话段' in report, report
    tabs = [tab.text for tab in browser.find_elements(By.CSS_SELECTOR, '.modal .nav-tabs li a')]
    assert '错误' in tabs and '警告' in tabs, tabs
    assert 'q' + tag[-8:] in report, report
    button.click()
    note = wait.until(expected.visibility_of_element_located((By.CSS_SELECTOR, '.modal .alert-info')))
    assert '1' in note.text, note.text
    save_screenshot(browser, 'supervisor-cdr-import-queue-created')

    database = request.config.getoption('--odoo-database') or os.environ.get('CS_TEST_DB', 'cs_test')
    common = xmlrpc.client.ServerProxy(odoo_server + '/xmlrpc/2/common')
    uid = common.authenticate(database, 'supervisor', 'supervisor', {})
    call_ids = xmlrpc.client.ServerProxy(odoo_server + '/xmlrpc/2/object').execute_kw(
        database, uid, 'supervisor', 'cs.call', 'search', [[('call_uid', '=', tag + '-fork')]])
    assert len(call_ids) == 1, call_ids
    browser.get(odoo_server + '/web#id=%d&model=cs.call&view_type=form' % call_ids[0])
    legs_tab = wait.until(expected.element_to_be_clickable((By.XPATH, "//a[@role='tab' and contains(., '通话段')]")))
    legs_tab.click()
    wait.until(lambda driver: len(driver.find_elements(
        By.CSS_SELECTOR, '.o_form_view .tab-pane.active .o_field_x2many_list .o_data_row')) == 2)
    legs = browser.find_element(By.CSS_SELECTOR, '.o_form_view .tab-pane.active').text
    assert 'SIP/8002-00000002' in legs and 'SIP/8001-00000003' in legs, legs
    save_screenshot(browser, 'supervisor-call-legs')
