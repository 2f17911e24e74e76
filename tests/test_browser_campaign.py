"""An outbound agent's day in a real browser: the demo agent 张伟 (login agent) opens their next campaign
contact, reads the script of the customer's segment and logs the outcome."""
import os
import xmlrpc.client

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import save_screenshot
from test_browser_smoke import login


def admin_call(base_url, database, model, method, *args, **kwargs):
    uid = xmlrpc.client.ServerProxy(base_url + '/xmlrpc/2/common').authenticate(database, 'admin', 'admin', {})
    return xmlrpc.client.ServerProxy(base_url + '/xmlrpc/2/object').execute_kw(
        database, uid, 'admin', model, method, list(args), kwargs)


def test_the_agent_works_a_campaign_contact(request, odoo_server, browser):
    database = request.config.getoption('--odoo-database') or os.environ.get('CS_TEST_DB', 'cs_test')
    agent_id = admin_call(odoo_server, database, 'res.users', 'search', [('login', '=', 'agent')])[0]
    before = admin_call(odoo_server, database, 'cs.campaign.attempt', 'search_count', [('user_id', '=', agent_id)])
    login(browser, odoo_server, 'agent', 'agent', redirect='/web#action=cs_callcenter.cs_campaign_contact_action_mine')
    wait = WebDriverWait(browser, 60)
    wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, '.o_list_view')))
    # 外呼营销 → 下一个联系人 (the menu runs the "next contact" server action).
    menu = wait.until(expected.presence_of_element_located(
        (By.CSS_SELECTOR, 'a[data-menu-xmlid="cs_callcenter.cs_campaign_contact_next_menu"]')))
    browser.execute_script('arguments[0].click();', menu)
    script = wait.until(expected.visibility_of_element_located((By.CSS_SELECTOR, '.o_form_view .cs_campaign_script')))
    assert '客服中心' in script.text, "the contact's script is shown: %r" % script.text
    buttons = browser.find_elements(By.CSS_SELECTOR, '.o_form_statusbar .o_statusbar_buttons button')
    log_button = [button for button in buttons if button.text.strip() == '登记结果']
    assert log_button, [button.text for button in buttons]
    log_button[0].click()
    outcome = wait.until(expected.visibility_of_element_located((By.CSS_SELECTOR, '.modal select[name="outcome"]')))
    select = Select(outcome)
    value = [option.get_attribute('value') for option in select.options if 'busy' in option.get_attribute('value')]
    select.select_by_value(value[0])
    save_screenshot(browser, 'agent-campaign-contact')
    confirm = [button for button in browser.find_elements(By.CSS_SELECTOR, '.modal-footer button')
               if button.text.strip() == '登记并下一个']
    confirm[0].click()
    wait.until(expected.invisibility_of_element_located((By.CSS_SELECTOR, '.modal-dialog')))
    after = admin_call(odoo_server, database, 'cs.campaign.attempt', 'search_count', [('user_id', '=', agent_id)])
    assert after == before + 1
