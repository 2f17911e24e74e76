"""The recruiter in a real browser: the customer-service pipeline in the applications' kanban, then an
applicant's form with its stages, resume and gates, in Chinese (demo database)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import WebDriverWait

from conftest import save_screenshot
from test_browser_smoke import login


def test_the_recruiter_sees_the_pipeline_and_an_applicant(odoo_server, browser):
    login(browser, odoo_server, 'recruiter', 'recruiter', redirect='/web#action=cs_recruit.hr_applicant_action_cs')
    wait = WebDriverWait(browser, 60)
    wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.o_kanban_view .o_kanban_record')))
    columns = [title.text for title in browser.find_elements(By.CSS_SELECTOR, '.o_kanban_header_title')]
    # The columns are the customer-service stages, in order.
    assert columns[:4] == ['简历筛选', '初选', '听试', '初试'], columns
    save_screenshot(browser, 'recruiter-applications-kanban')
    browser.find_element(By.CSS_SELECTOR, '.o_kanban_group .o_kanban_record').click()
    statusbar = wait.until(expected.visibility_of_element_located((By.CSS_SELECTOR, '.o_statusbar_status')))
    wait.until(lambda driver: '听试' in statusbar.text)
    assert '初选' in statusbar.text and 'Initial Qualification' not in statusbar.text, statusbar.text
    tabs = ' '.join(tab.text for tab in browser.find_elements(By.CSS_SELECTOR, '.o_notebook .nav-tabs li'))
    assert '简历' in tabs and '筛选与关卡' in tabs, tabs
    save_screenshot(browser, 'recruiter-applicant-form')
