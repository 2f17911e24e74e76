"""The inspector's day in a real browser (demo database, Chinese): from "my sample" they start a review of a
sampled call, take points off a criterion, save and finish it; the call leaves the sample."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import WebDriverWait

from conftest import save_screenshot
from test_browser_smoke import login


def test_the_inspector_scores_a_sampled_call(odoo_server, browser):
    login(browser, odoo_server, 'inspector', 'inspector', redirect='/web#action=cs_callcenter.cs_qa_plan_action_my_sample')
    wait = WebDriverWait(browser, 60)
    review_button = wait.until(expected.element_to_be_clickable(
        (By.CSS_SELECTOR, '.o_list_view .o_data_row td.o_list_button button')))
    review_button.click()
    wait.until(expected.visibility_of_element_located((By.CSS_SELECTOR, '.o_form_view .o_statusbar_status')))
    wait.until(expected.element_to_be_clickable((By.CSS_SELECTOR, '.o_form_button_edit'))).click()
    # The second criterion (voice clarity, weight 10): 10 → 8 points.
    cell = wait.until(expected.element_to_be_clickable(
        (By.CSS_SELECTOR, '.o_form_view .o_field_x2many_list .o_data_row:nth-child(2) td[data-field=points], '
                          '.o_form_view .o_field_x2many_list .o_data_row:nth-child(2) td:nth-child(4)')))
    cell.click()
    field = wait.until(expected.visibility_of_element_located(
        (By.CSS_SELECTOR, '.o_form_view .o_field_x2many_list .o_selected_row input[name=points]')))
    field.send_keys(Keys.CONTROL, 'a')
    field.send_keys('8')
    browser.find_element(By.CSS_SELECTOR, '.o_form_button_save').click()
    wait.until(expected.element_to_be_clickable((By.CSS_SELECTOR, '.o_form_button_edit')))
    wait.until(lambda driver: '98' in driver.find_element(By.CSS_SELECTOR, '.o_form_view .oe_title h1').text)
    browser.find_element(By.XPATH, "//div[contains(@class, 'o_statusbar_buttons')]//button[contains(., '完成')]").click()
    wait.until(lambda driver: '完成' in driver.find_element(
        By.CSS_SELECTOR, '.o_statusbar_status .btn-primary, .o_statusbar_status .o_arrow_button.btn-primary').text)
    save_screenshot(browser, 'inspector-review')
    title = browser.find_element(By.CSS_SELECTOR, '.o_form_view .oe_title h1').text
    assert '98' in title, title
