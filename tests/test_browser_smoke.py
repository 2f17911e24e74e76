"""A real user in a real browser: the agent demo user logs in and opens the work-order kanban, in Chinese."""
from urllib.parse import urlencode

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import WebDriverWait

from conftest import save_screenshot


def login(driver, base_url, login_name, password, redirect='/web'):
    """Log in through the real login form; Odoo then opens ``redirect``."""
    driver.get(base_url + '/web/login?' + urlencode({'redirect': redirect}))
    driver.find_element(By.ID, 'login').send_keys(login_name)
    driver.find_element(By.ID, 'password').send_keys(password)
    driver.find_element(By.CSS_SELECTOR, 'form.oe_login_form button[type=submit]').click()
    WebDriverWait(driver, 120).until(expected.presence_of_element_located((By.ID, 'oe_main_menu_navbar')))


def test_the_agent_opens_the_work_order_kanban(odoo_server, browser):
    login(browser, odoo_server, 'agent', 'agent', redirect='/web#action=cs_helpdesk.cs_ticket_action')
    wait = WebDriverWait(browser, 60)
    top_menu = wait.until(expected.visibility_of_element_located((By.CSS_SELECTOR, '.oe_application_menu_placeholder')))
    assert '客服中心' in top_menu.text, "the suite's top menu is there, in Chinese: %r" % top_menu.text
    wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.o_kanban_view .o_kanban_record')))
    wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.o_kanban_group')))
    save_screenshot(browser, 'agent-work-order-kanban')
    breadcrumb = browser.find_element(By.CSS_SELECTOR, '.o_control_panel .breadcrumb').text
    assert breadcrumb.strip() == '工单', "the agent's interface is in Chinese, got %r" % breadcrumb
    column_titles = [title.text for title in browser.find_elements(By.CSS_SELECTOR, '.o_kanban_header_title')]
    assert '新建' in ''.join(column_titles), column_titles
