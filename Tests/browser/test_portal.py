"""The public portal walked anonymously in headless Chromium (issue 12): search, a goal, an indicator, a download,
leaving feedback; and the screenshot of the portal for the docs (GOALSTAT_SCREENSHOTS=dir to write it).

scripts/test starts `goalstat serve --demo` and sets GOALSTAT_URL.
"""
import os
import unittest
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_pages import BASE, main_text, make_driver


class PortalInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def setUp(self):
        self.driver.delete_all_cookies()

    def test_visitor_searches_opens_a_goal_and_an_indicator_and_downloads_its_values(self):
        driver = self.driver
        driver.get(BASE + "/public")
        header = driver.find_element(By.TAG_NAME, "header").text
        self.assertIn("Department of Motor Vehicles", header)
        self.assertNotIn("Sign out", header)
        search = driver.find_element(By.ID, "portal-q")
        search.send_keys("wait")
        driver.find_element(By.CSS_SELECTOR, ".portal-search button[type='submit']").click()
        WebDriverWait(driver, 15).until(lambda d: "/public/search" in d.current_url)
        self.assertIn("for “wait”", main_text(driver))
        results = driver.find_elements(By.CSS_SELECTOR, ".search-results a")
        self.assertTrue(results, "searching for 'wait' found nothing")
        # A goal: its status in words, its indicators, no edit buttons.
        driver.get(BASE + "/public")
        driver.find_element(By.CSS_SELECTOR, ".public-goals a[href^='/public/goals/']").click()
        main = main_text(driver)
        self.assertIn("How we measure progress", main)
        self.assertNotIn("Edit goal", main)
        self.assertNotIn("@example.gov", driver.page_source)
        indicator_links = driver.find_elements(By.CSS_SELECTOR, ".public-indicators a[href^='/public/indicators/']")
        if not indicator_links:
            driver.get(BASE + "/public/goals/G1.1")
            indicator_links = driver.find_elements(By.CSS_SELECTOR, ".public-indicators a[href^='/public/indicators/']")
        indicator_links[0].click()
        main = main_text(driver)
        for heading in ("What it measures", "How good the data is", "Results", "Targets"):
            self.assertIn(heading, main)
        self.assertNotIn("Revise target", main)
        self.assertTrue(driver.find_elements(By.CSS_SELECTOR, "main figure svg"))
        self.assertTrue(driver.find_elements(By.CSS_SELECTOR, "main table"))
        download = driver.find_element(By.CSS_SELECTOR, "main a[href^='/public/data/values.csv?indicator=']").get_attribute("href")
        with urllib.request.urlopen(download) as response:
            text = response.read().decode("utf-8")
        self.assertTrue(text.startswith("indicator,period,value"))
        self.assertGreater(len(text.splitlines()), 2)
        # The data dictionary.
        driver.get(BASE + "/public/data")
        self.assertIn("latestValue", main_text(driver))

    def test_visitor_leaves_feedback_on_a_goal(self):
        driver = self.driver
        driver.get(BASE + "/public/goals/G1.1")
        driver.find_element(By.ID, "feedback-message").send_keys("Could the offices open on Saturday mornings?")
        driver.find_element(By.ID, "feedback-name").send_keys("A commuter")
        driver.find_element(By.CSS_SELECTOR, ".feedback-form button[type='submit']").click()
        WebDriverWait(driver, 15).until(lambda d: "sent=1" in d.current_url)
        self.assertIn("Thank you", main_text(driver))
        # Moderated first: not shown yet.
        self.assertNotIn("Saturday mornings", main_text(driver))

    def test_display_mode_needs_no_sign_in_and_refreshes_itself(self):
        self.driver.get(BASE + "/public/display")
        refresh = self.driver.find_element(By.CSS_SELECTOR, "meta[http-equiv='refresh']").get_attribute("content")
        self.assertIn("url=/public/display?slide=1", refresh)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "h1"))

    def test_screenshot_of_the_portal(self):
        target = os.environ.get("GOALSTAT_SCREENSHOTS")
        if not target:
            self.skipTest("GOALSTAT_SCREENSHOTS is not set")
        self.driver.set_window_size(1280, 1400)
        self.driver.get(BASE + "/public")
        path = os.path.join(target, "portal.png")
        self.driver.save_screenshot(path)
        self.assertTrue(os.path.getsize(path) > 10000)


if __name__ == "__main__":
    unittest.main()
