"""The trainer and an agent in a real browser (demo database, Chinese): the trainer opens the training
sessions and a finished session with its attendees' results; the agent sees only their own results."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import WebDriverWait

from conftest import save_screenshot
from test_browser_smoke import login


def test_the_trainer_opens_a_finished_session(odoo_server, browser):
    login(browser, odoo_server, 'trainer', 'trainer', redirect='/web#action=cs_recruit.cs_training_session_action')
    wait = WebDriverWait(browser, 60)
    wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.o_list_view .o_data_row')))
    rows = browser.find_elements(By.CSS_SELECTOR, '.o_list_view .o_data_row')
    done = [row for row in rows if '已完成' in row.text or '完成' in row.text]
    assert done, [row.text for row in rows]
    save_screenshot(browser, 'trainer-training-sessions')
    done[0].click()
    statusbar = wait.until(expected.visibility_of_element_located((By.CSS_SELECTOR, '.o_statusbar_status')))
    assert '考核评估中' in statusbar.text, statusbar.text
    wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.o_form_view .o_field_x2many_list .o_data_row')))
    results = ' '.join(row.text for row in browser.find_elements(
        By.CSS_SELECTOR, '.o_form_view .o_field_x2many_list .o_data_row'))
    assert '出席' in results, results
    save_screenshot(browser, 'trainer-training-session-form')


def test_the_agent_sees_only_own_results(odoo_server, browser):
    login(browser, odoo_server, 'agent', 'agent', redirect='/web#action=cs_recruit.cs_training_attendance_action')
    wait = WebDriverWait(browser, 60)
    wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.o_list_view .o_data_row')))
    rows = browser.find_elements(By.CSS_SELECTOR, '.o_list_view .o_data_row')
    names = {row.find_elements(By.CSS_SELECTOR, 'td')[4].text for row in rows}
    assert names == {'张伟'}, names  # the demo agent's employee, nobody else's
    save_screenshot(browser, 'agent-training-results')
