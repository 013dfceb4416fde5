"""Employee appraisals walked through in a real Chromium, JavaScript off (issue 13, "Done means"): the supervisor
(Kwame Osei) writes the new hire's plan aligned to a demo goal, records feedback and a progress review, gives a
rating whose derivation is shown, and proposes an award that is refused above the limit with the reason; the
employee (Nadia Ortiz) sees the plan, the feedback and the line of sight to the goal; the PIO is refused.

scripts/test starts `goalstat serve --demo` and sets GOALSTAT_URL and GOALSTAT_SERVER_LOG (the demo passwords).
"""
import datetime
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_pages import BASE, demo_passwords, main_text, make_driver, sign_in

EMPLOYEE = "n.ortiz@example.gov"
SUPERVISOR = "k.osei@example.gov"


def demo_cycle_end_year(today=None):
    """The demo program covers the last complete fiscal year (1 October to 30 September)."""
    today = today or datetime.date.today()
    return today.year if today.month >= 10 else today.year - 1


class AppraisalWalkThrough(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()
        cls.passwords = demo_passwords()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def sign_in(self, email):
        sign_in(self.driver, self.passwords, email)

    def fill(self, name, text, within="#appraisal-form"):
        field = self.driver.find_element(By.CSS_SELECTOR, f"{within} [name='{name}']")
        field.clear()
        field.send_keys(text)

    def set_date(self, name, iso):
        # Typing into a date input depends on the browser's locale; set the value the form will send instead.
        field = self.driver.find_element(By.CSS_SELECTOR, f"#appraisal-form [name='{name}']")
        self.driver.execute_script("arguments[0].value = arguments[1];", field, iso)

    def submit(self, form_css, until):
        self.driver.find_element(By.CSS_SELECTOR, form_css + " button[type='submit']").click()
        try:
            WebDriverWait(self.driver, 20).until(until)
        except Exception:
            print(self.driver.current_url, main_text(self.driver)[:2000])
            raise

    def test_supervisor_plans_reviews_rates_and_is_refused_an_award_the_employee_sees_it(self):
        driver = self.driver
        end = demo_cycle_end_year()
        page = BASE + "/appraisals/" + EMPLOYEE

        # 1. The supervisor finds the new hire among the people he rates and writes her plan, aligned to G1.1.
        self.sign_in(SUPERVISOR)
        driver.get(BASE + "/appraisals")
        driver.find_element(By.LINK_TEXT, "Nadia Ortiz").click()
        WebDriverWait(driver, 15).until(lambda d: "Write the performance plan" in main_text(d))
        driver.find_element(By.LINK_TEXT, "Write the performance plan").click()
        WebDriverWait(driver, 15).until(lambda d: "Writing elements and standards" in main_text(d))
        self.set_date("established", f"{end - 1}-10-20")
        self.fill("title-0", "Serve office customers")
        self.fill("standard-0", "Serves at least 90% of customers within 20 minutes of check-in, each month.")
        self.assertTrue(driver.find_element(By.ID, "critical-0").is_selected())
        Select(driver.find_element(By.NAME, "goals-0")).select_by_value("G1.1")
        self.submit("#appraisal-form", lambda d: d.current_url.rstrip("/").endswith(EMPLOYEE))
        self.assertIn("Serves at least 90% of customers within 20 minutes", main_text(driver))
        self.assertIn("G1.1 Cut office wait times", main_text(driver))

        # 2. Feedback, then a progress review with its checklist.
        feedback = driver.find_element(By.CSS_SELECTOR, "form[action$='/feedback'] textarea")
        feedback.send_keys("Thank you for opening the second counter on Monday.")
        self.submit("form[action$='/feedback']", lambda d: "Thank you for opening the second counter" in main_text(d))
        driver.get(page + "/progress-review")
        self.set_date("date", f"{end}-04-01")
        driver.find_element(By.ID, "check-expectations").click()
        driver.find_element(By.ID, "check-goals").click()
        self.fill("notes", "Waits are down; on track for the element.")
        self.submit("#appraisal-form", lambda d: "Waits are down" in main_text(d))

        # 3. The rating of record, with its derivation shown.
        driver.get(page + "/rating")
        Select(driver.find_element(By.NAME, "level-0")).select_by_value("5")
        self.submit("#appraisal-form", lambda d: "How the summary level was derived" in main_text(d))
        self.assertIn("Level 5: Outstanding", main_text(driver))

        # 4. An award above 10% of basic pay ($64,000) is refused with the reason and the section.
        driver.get(page + "/award")
        Select(driver.find_element(By.NAME, "kind")).select_by_value("ratingBased")
        self.fill("amount", "9000")
        self.submit("#appraisal-form", lambda d: "Refused" in main_text(d))
        self.assertIn("5 U.S.C. 4505a(a)(2)", main_text(driver))
        self.assertIn("at most $6,400", main_text(driver))

        # 5. The PIO cannot open her appraisal.
        self.sign_in("r.alvarez@example.gov")
        driver.get(page)
        self.assertNotIn("Serve office customers", main_text(driver))

        # 6. The employee sees her plan, the feedback and the line of sight to the goal, and acknowledges the plan.
        self.sign_in(EMPLOYEE)
        driver.find_element(By.LINK_TEXT, "Appraisals").click()
        driver.find_element(By.PARTIAL_LINK_TEXT, "Your performance plan").click()
        WebDriverWait(driver, 15).until(lambda d: "Line of sight" in main_text(d))
        text = main_text(driver)
        self.assertIn("Serve office customers", text)
        self.assertIn("Thank you for opening the second counter on Monday.", text)
        self.assertIn("G1.1 Cut office wait times", text)
        self.submit("form[action$='/acknowledgment']", lambda d: "acknowledged on" in main_text(d))


if __name__ == "__main__":
    unittest.main()
