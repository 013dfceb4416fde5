"""Browser tests: a real headless Chromium (Debian's chromium + chromium-driver) against `goalstat serve --demo`.

scripts/test starts the server and sets GOALSTAT_URL.
"""
import os
import tempfile
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("GOALSTAT_URL", "http://127.0.0.1:8080")
SERVER_LOG = os.environ.get("GOALSTAT_SERVER_LOG", "")


def demo_passwords():
    """The demo sign-ins `goalstat serve --demo` printed once: email -> password."""
    passwords = {}
    with open(SERVER_LOG, encoding="utf-8") as log:
        for line in log:
            parts = line.split()
            if len(parts) == 3 and "@example.gov" in parts[0] and "@" in parts[2]:
                passwords[parts[0]] = parts[1]
    return passwords


def sign_in(driver, passwords, email):
    """Signs in through the form as one of the demo people, from a fresh session; waits for the signed-in header."""
    driver.delete_all_cookies()
    driver.get(BASE + "/sign-in")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(passwords[email])
    driver.find_element(By.CSS_SELECTOR, "#sign-in-form button[type='submit']").click()
    WebDriverWait(driver, 15).until(lambda d: "Sign out" in header_text(d))


def element_text(driver, tag):
    """The text of the page's first `tag`, or "" while a navigation or form submission is still replacing the page:
    the element found may be gone by the time its text is asked for, which Chromium reports either as a stale
    element or as an "unknown error" whose message says the node no longer belongs to the document."""
    try:
        return driver.find_element(By.TAG_NAME, tag).text
    except StaleElementReferenceException:
        return ""
    except WebDriverException as error:
        if "does not belong to the document" in (error.msg or ""):
            return ""
        raise


def main_text(driver):
    """The page's main text, or "" while a form submission is still replacing the page."""
    return element_text(driver, "main")


def header_text(driver):
    """The page header's text, or "" while a navigation is still replacing the page."""
    return element_text(driver, "header")


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
        cls.passwords = demo_passwords()

    def sign_in(self, email):
        sign_in(self.driver, self.passwords, email)

    def sign_out(self):
        self.driver.find_element(By.CSS_SELECTOR, "header form[action='/sign-out'] button").click()
        # Signed out, "/" is the public portal, whose header offers the staff sign-in.
        WebDriverWait(self.driver, 15).until(lambda d: "sign-in" in header_text(d).lower() or "Sign in" in header_text(d))

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def test_dashboard_shows_goals_with_status_and_sparklines(self):
        self.sign_in("p.raman@example.gov")
        self.driver.get(BASE + "/")
        self.assertIn("GoalStat", self.driver.title)
        goals = self.driver.find_elements(By.CSS_SELECTOR, "a[href^='/goals/']")
        self.assertGreaterEqual(len(goals), 12)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "svg[role='img']"))
        text = self.driver.find_element(By.TAG_NAME, "main").text
        self.assertTrue(any(word in text for word in ("On track", "At risk", "Off track")))
        self.sign_out()

    def test_visitor_at_the_root_gets_the_public_portal_with_published_goals_only(self):
        self.driver.delete_all_cookies()
        self.driver.get(BASE + "/")
        goals = self.driver.find_elements(By.CSS_SELECTOR, "a[href^='/public/goals/']")
        self.assertGreaterEqual(len(goals), 12)
        hrefs = [goal.get_attribute("href") for goal in goals]
        self.assertFalse(any(href.endswith("/goals/G5.2") for href in hrefs), "an unpublished goal shown to a visitor")
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "a[href='/openapi.json']"), "raw JSON offered to a visitor")

    def test_goal_page_walks_the_value_chain_to_an_indicator(self):
        self.sign_in("p.raman@example.gov")
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
        self.sign_out()

    def test_data_steward_enters_a_value_and_the_admin_sees_it_in_the_audit_log(self):
        self.sign_in("w.greene@example.gov")
        self.driver.get(BASE + "/data-entry")
        stewards = Select(self.driver.find_element(By.NAME, "steward"))
        self.assertGreater(len(stewards.options), 1)
        stewards.select_by_index(1)
        self.driver.find_element(By.CSS_SELECTOR, "main form[method='get'] button, main form[method='get'] input[type='submit']").click()
        # Without JavaScript the submission loads a new page: wait for its grid rather than racing it.
        WebDriverWait(self.driver, 15).until(lambda d: "steward=" in d.current_url)
        inputs = WebDriverWait(self.driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name^='value[']"))
        had_value = inputs[0].get_attribute("value") not in ("", "42")
        inputs[0].clear()
        inputs[0].send_keys("42")
        self.driver.find_element(By.CSS_SELECTOR, "main form[method='post'] button[type='submit']").click()
        if had_value:
            # Changing a final value already stored is a correction: refused until it says why (issue 10).
            WebDriverWait(self.driver, 15).until(lambda d: "needs a reason" in main_text(d))
            reason = self.driver.find_element(By.ID, "reason")
            reason.send_keys("Recount from the office log")
            self.driver.find_element(By.CSS_SELECTOR, "main form[method='post'] button[type='submit']").click()
        WebDriverWait(self.driver, 15).until(lambda d: "Saved" in main_text(d))
        saved = self.driver.find_elements(By.CSS_SELECTOR, "input[name^='value[']")[0]
        self.assertEqual(saved.get_attribute("value"), "42")
        # The steward's roles open neither the audit log nor the users page.
        self.driver.get(BASE + "/audit")
        WebDriverWait(self.driver, 15).until(lambda d: "do not have access" in main_text(d))
        self.sign_out()
        self.sign_in("admin@example.gov")
        self.driver.get(BASE + "/audit?actor=w.greene@example.gov")
        WebDriverWait(self.driver, 15).until(lambda d: "Audit log" in main_text(d))
        audit = main_text(self.driver)
        self.assertIn("w.greene@example.gov", audit)
        self.assertIn("42", audit)
        self.sign_out()

    def test_pio_uploads_a_csv_and_sees_the_preview_line_by_line(self):
        self.sign_in("admin@example.gov")
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as upload:
            upload.write("indicator,period,value\nFO-SERVED,2019-01,100\nNO-SUCH-INDICATOR,2019-01,1\n")
            path = upload.name
        try:
            self.driver.get(BASE + "/imports")
            self.driver.find_element(By.ID, "import-file").send_keys(path)
            self.driver.find_element(By.CSS_SELECTOR, "#import-form button[type='submit']").click()
            WebDriverWait(self.driver, 15).until(lambda d: "Refused lines" in main_text(d))
            preview = main_text(self.driver)
            self.assertIn("1 new value", preview)
            self.assertIn("NO-SUCH-INDICATOR", preview)
            self.assertIn("nothing has been stored", preview)
            self.assertEqual(self.driver.find_elements(By.ID, "commit-form"), [])
        finally:
            os.unlink(path)
        self.sign_out()

    def test_viewer_sees_private_goals_of_their_unit_only(self):
        self.sign_in("p.raman@example.gov")
        self.driver.get(BASE + "/")
        hrefs = [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, "a[href^='/goals/']")]
        self.assertTrue(any(href.endswith("/goals/G3.3") for href in hrefs), "the viewer's own unit's private goal is missing")
        self.assertFalse(any(href.endswith("/goals/G5.2") for href in hrefs), "another unit's private goal is shown")
        self.assertNotIn("Data entry", self.driver.find_element(By.TAG_NAME, "header").text)
        self.driver.get(BASE + "/goals/G5.2")
        self.assertIn("do not have access", main_text(self.driver))
        self.sign_out()

    def test_anonymous_visitor_is_sent_to_sign_in_for_private_pages(self):
        self.driver.delete_all_cookies()
        self.driver.get(BASE + "/data-entry")
        WebDriverWait(self.driver, 15).until(lambda d: "/sign-in" in d.current_url)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#sign-in-form input[name='csrf']"))

    def test_unknown_page_is_a_friendly_404(self):
        self.driver.get(BASE + "/goals/NO-SUCH-GOAL")
        self.assertIn("not", self.driver.find_element(By.TAG_NAME, "main").text.lower())


if __name__ == "__main__":
    unittest.main()
