"""Browser tests: a real headless Chromium (Debian's chromium + chromium-driver) against `goalstat serve --demo`.

scripts/test starts the server and sets GOALSTAT_URL.
"""
import os
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("GOALSTAT_URL", "http://127.0.0.1:8080")


def main_text(driver):
    """The page's main text, or "" while a form submission is still replacing the page."""
    try:
        return driver.find_element(By.TAG_NAME, "main").text
    except StaleElementReferenceException:
        return ""


def make_driver():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    # JavaScript off: the pages must work without it.
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class PagesInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def test_dashboard_shows_goals_with_status_and_sparklines(self):
        self.driver.get(BASE + "/")
        self.assertIn("GoalStat", self.driver.title)
        goals = self.driver.find_elements(By.CSS_SELECTOR, "a[href^='/goals/']")
        self.assertGreaterEqual(len(goals), 17)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "svg[role='img']"))
        text = self.driver.find_element(By.TAG_NAME, "main").text
        self.assertTrue(any(word in text for word in ("On track", "At risk", "Off track")))

    def test_goal_page_walks_the_value_chain_to_an_indicator(self):
        self.driver.get(BASE + "/")
        self.driver.find_element(By.CSS_SELECTOR, "a[href^='/goals/']").click()
        main = self.driver.find_element(By.TAG_NAME, "main").text
        self.assertIn("Inputs", main)
        self.assertIn("Ultimate outcomes", main)
        links = self.driver.find_elements(By.CSS_SELECTOR, "main a[href^='/indicators/']")
        self.assertTrue(links)
        links[0].click()
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "main svg"))
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "main table"))

    def test_data_entry_grid_saves_a_value_without_javascript(self):
        self.driver.get(BASE + "/data-entry")
        stewards = Select(self.driver.find_element(By.NAME, "steward"))
        self.assertGreater(len(stewards.options), 1)
        stewards.select_by_index(1)
        self.driver.find_element(By.CSS_SELECTOR, "form[method='get'] button, form[method='get'] input[type='submit']").click()
        # Without JavaScript the submission loads a new page: wait for its grid rather than racing it.
        WebDriverWait(self.driver, 15).until(lambda d: "steward=" in d.current_url)
        inputs = WebDriverWait(self.driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name^='value[']"))
        inputs[0].clear()
        inputs[0].send_keys("42")
        self.driver.find_element(By.CSS_SELECTOR, "form[method='post'] button[type='submit']").click()
        WebDriverWait(self.driver, 15).until(lambda d: "Saved" in main_text(d))
        saved = self.driver.find_elements(By.CSS_SELECTOR, "input[name^='value[']")[0]
        self.assertEqual(saved.get_attribute("value"), "42")

    def test_unknown_page_is_a_friendly_404(self):
        self.driver.get(BASE + "/goals/NO-SUCH-GOAL")
        self.assertIn("not", self.driver.find_element(By.TAG_NAME, "main").text.lower())


if __name__ == "__main__":
    unittest.main()
