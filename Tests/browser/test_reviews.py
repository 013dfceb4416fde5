"""Issue 11's "Done means", walked through in a real Chromium with JavaScript off: the PIO schedules a review of a
demo priority goal, opens its briefing as of a chosen date, categorises the goal at risk with an ask for help from
another unit, records a decision that revises a target and opens two actions; the other unit's leader sees the ask in
My tasks and answers it; the next review's agenda carries both actions and the answer. Then the risk register and a
capacity request, the rest of the loop.

scripts/test starts the demo server and sets GOALSTAT_URL and GOALSTAT_SERVER_LOG.
"""
import datetime
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_pages import BASE, demo_passwords, main_text, make_driver, sign_in


class ReviewWalkThrough(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()
        cls.passwords = demo_passwords()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def sign_in(self, email):
        sign_in(self.driver, self.passwords, email)

    def within(self, form_css):
        return self.driver.find_element(By.CSS_SELECTOR, form_css)

    def fill(self, name, text, form="body"):
        field = self.within(form).find_element(By.NAME, name)
        field.clear()
        field.send_keys(text)

    def date(self, name, day, form="body"):
        """A date input takes keys in the browser's locale order (en-US: month, day, year); checked by its value."""
        field = self.within(form).find_element(By.NAME, name)
        field.send_keys(day.strftime("%m%d%Y"))
        if field.get_attribute("value") != day.isoformat():
            field.clear()
            field.send_keys(day.isoformat())
        self.assertEqual(field.get_attribute("value"), day.isoformat())

    def choose(self, name, value, form="body"):
        Select(self.within(form).find_element(By.NAME, name)).select_by_value(value)

    def submit(self, form_css, until):
        self.within(form_css).find_element(By.CSS_SELECTOR, "button[type='submit']").click()
        WebDriverWait(self.driver, 20).until(until)

    def test_review_loop_in_the_browser(self):
        driver = self.driver
        today = datetime.date.today()
        # 1. The PIO schedules a quarterly review of a priority goal.
        self.sign_in("r.alvarez@example.gov")
        driver.get(BASE + "/reviews/new")
        self.fill("title", "Online services, browser review")
        self.choose("kind", "quarterly")
        driver.find_element(By.CSS_SELECTOR, "input[name='goals'][value='G1.2']").click()
        self.submit("#record-form", lambda d: "Briefing as of" in main_text(d))
        review_url = driver.current_url.split("?")[0]

        # 2. Its briefing as of a chosen date.
        chosen = today.replace(day=1)
        as_of = driver.find_element(By.NAME, "asOf")
        as_of.clear()
        self.date("asOf", chosen)
        driver.find_element(By.CSS_SELECTOR, "form[method='get'] button[type='submit']").click()
        WebDriverWait(driver, 20).until(lambda d: "The briefing as of %s" % chosen.isoformat() in main_text(d))
        self.assertIn("asOf=%s" % chosen.isoformat(), driver.current_url)

        # 3. The goal at risk, with an ask for help from Field Operations.
        self.choose("goal", "G1.2", "#assessment-form")
        self.choose("category", "atRisk", "#assessment-form")
        self.fill("blockers", "Counter staff send customers to the counter, not online", "#assessment-form")
        self.choose("askOrgUnit", "DMV-FO", "#assessment-form")
        self.fill("askRequest", "Point every counter customer to the online renewal", "#assessment-form")
        self.submit("#assessment-form", lambda d: "Point every counter customer to the online renewal" in main_text(d))
        self.assertIn("At risk of missing its planned level", main_text(driver))

        # 4. A decision that revises a target, and two actions from it.
        self.choose("kind", "reviseTarget", "#decision-form")
        self.fill("text", "Online share grows slower than planned; 58 percent is realistic for FY2027", "#decision-form")
        self.choose("goal", "G1.2", "#decision-form")
        self.choose("indicator", "DS-ONLINE-SHARE", "#decision-form")
        self.fill("period", "FY2027", "#decision-form")
        self.fill("value", "58", "#decision-form")
        self.submit("#decision-form", lambda d: "58 percent is realistic" in main_text(d))
        for title in ("Add renewal leaflets at every counter", "Report the online share monthly"):
            self.fill("title", title, "#action-form")
            self.choose("owner", "k.osei@example.gov", "#action-form")
            self.date("due", today + datetime.timedelta(days=45), "#action-form")
            self.submit("#action-form", lambda d, t=title: t in main_text(d))
        driver.get(BASE + "/indicators/DS-ONLINE-SHARE")
        self.assertIn("58 percent is realistic", main_text(driver))

        # 5. Field Operations' leader sees the ask in My tasks and answers it.
        self.sign_in("k.osei@example.gov")
        driver.get(BASE + "/tasks")
        self.assertIn("Point every counter customer to the online renewal", main_text(driver))
        self.assertIn("Add renewal leaflets at every counter", main_text(driver))
        driver.find_element(By.LINK_TEXT, "Point every counter customer to the online renewal").click()
        WebDriverWait(driver, 20).until(lambda d: "Help asked of" in main_text(d))
        self.fill("answer", "Leaflets and a script for every counter from next month")
        self.submit("#record-form", lambda d: "Answered on" in main_text(d))

        # 6. The next review's agenda carries both actions and the answer.
        self.sign_in("r.alvarez@example.gov")
        driver.get(BASE + "/reviews/new")
        self.fill("title", "Online services, next quarter")
        self.choose("kind", "quarterly")
        date_field = driver.find_element(By.NAME, "date")
        date_field.clear()
        self.date("date", today + datetime.timedelta(days=100))
        driver.find_element(By.CSS_SELECTOR, "input[name='goals'][value='G1.2']").click()
        self.submit("#record-form", lambda d: "Briefing as of" in main_text(d))
        self.assertNotEqual(driver.current_url.split("?")[0], review_url)
        agenda = main_text(driver)
        self.assertIn("Add renewal leaflets at every counter", agenda)
        self.assertIn("Report the online share monthly", agenda)
        self.assertIn("Leaflets and a script for every counter from next month", agenda)
        self.assertIn("58 percent is realistic", agenda)

        # 7. A risk to the goal, and the register's heat map with its table.
        driver.get(BASE + "/risks/new?goal=G1.2")
        self.fill("title", "The portal vendor's contract ends in June")
        self.choose("likelihood", "3")
        self.choose("impact", "4")
        self.submit("#record-form", lambda d: "Score history" in main_text(d))
        self.assertIn("Score 12 (high)", main_text(driver))
        driver.get(BASE + "/risks")
        self.assertTrue(driver.find_elements(By.CSS_SELECTOR, "svg.heat-map"))
        self.assertIn("The portal vendor's contract ends in June", main_text(driver))

    def test_capacity_request_from_the_team_to_a_decision(self):
        driver = self.driver
        self.sign_in("w.greene@example.gov")
        driver.get(BASE + "/capacity/new")
        self.choose("orgUnit", "DMV-FO")
        self.choose("kind", "tools")
        self.fill("title", "A second queue-ticket printer for Northgate")
        self.fill("justification", "The one printer jams twice a week and the queue then runs on paper")
        self.submit("#record-form", lambda d: "Not decided yet" in main_text(d))
        request_url = driver.current_url
        self.sign_in("r.alvarez@example.gov")
        driver.get(request_url)
        self.choose("status", "granted")
        self.fill("decision", "From this quarter's equipment budget")
        self.submit("#record-form", lambda d: "From this quarter's equipment budget" in main_text(d))
        driver.get(BASE + "/capacity")
        self.assertIn("A second queue-ticket printer for Northgate", main_text(driver))


if __name__ == "__main__":
    unittest.main()
