"""The PIO's workbench walked through in a real Chromium, JavaScript off (issue 10, "Done means"): the PIO sets up a
goal with two indicators, a target and a data steward in the browser; the steward is reminded by e-mail through
the test's SMTP server; the steward enters values for a unit and a quarter and is refused 140 %; the PIO sees every
step in the indicator's history.

scripts/test starts the server, the SMTP sink, and sets GOALSTAT_URL, GOALSTAT_SERVER_LOG, GOALSTAT_BIN,
GOALSTAT_DATABASE, GOALSTAT_TEST_SMTP_PORT and GOALSTAT_TEST_SMTP_DIR.
"""
import glob
import json
import os
import subprocess
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_pages import BASE, demo_passwords, main_text, make_driver, sign_in

SMTP_PORT = os.environ.get("GOALSTAT_TEST_SMTP_PORT")
SMTP_DIR = os.environ.get("GOALSTAT_TEST_SMTP_DIR")
BIN = os.environ.get("GOALSTAT_BIN")
DATABASE = os.environ.get("GOALSTAT_DATABASE")


@unittest.skipUnless(SMTP_PORT and SMTP_DIR and BIN and DATABASE, "needs the SMTP sink and the server's database (scripts/test sets them)")
class WorkbenchWalkThrough(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()
        cls.passwords = demo_passwords()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def sign_in(self, email):
        sign_in(self.driver, self.passwords, email)

    def fill(self, name, text):
        field = self.driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(text)

    def choose(self, name, value):
        Select(self.driver.find_element(By.NAME, name)).select_by_value(value)

    def submit(self, form_css, until):
        self.driver.find_element(By.CSS_SELECTOR, form_css + " button[type='submit']").click()
        WebDriverWait(self.driver, 20).until(until)

    def test_pio_sets_up_a_goal_the_steward_is_reminded_and_enters_values(self):
        driver = self.driver
        # 1. The PIO makes a goal with two indicators, a target and a data steward, in the browser only.
        self.sign_in("r.alvarez@example.gov")
        driver.get(BASE + "/framework")
        driver.find_element(By.LINK_TEXT, "Add a goal").click()
        WebDriverWait(driver, 15).until(lambda d: "Add a goal" in main_text(d))
        self.fill("code", "G-WALK")
        self.fill("name", "Friendlier counters")
        self.choose("kind", "performanceGoal")
        self.choose("orgUnit", "DMV-FO")
        self.choose("leader", "k.osei@example.gov")
        self.submit("#record-form", lambda d: d.current_url.endswith("/goals/G-WALK"))
        self.assertIn("Friendlier counters", main_text(driver))

        for code, name, unit, frequency in (("WALK-SAT", "Counter satisfaction", "percent", "quarterly"),
                                            ("WALK-SERVED", "Counter visits", "count", "monthly")):
            driver.get(BASE + "/goals/G-WALK")
            driver.find_element(By.LINK_TEXT, "Define an indicator for it").click()
            WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.NAME, "unitName"))
            self.fill("code", code)
            self.fill("name", name)
            self.choose("unit", unit)
            self.choose("frequency", frequency)
            self.choose("stage", "output")
            self.choose("steward", "w.greene@example.gov")
            self.assertTrue(driver.find_element(By.CSS_SELECTOR, "input[name='goals'][value='G-WALK']").is_selected())
            self.fill("dataQuality.verification", "Checked against the queue system's export")
            self.submit("#record-form", lambda d, c=code: d.current_url.endswith("/indicators/" + c))

        driver.get(BASE + "/indicators/WALK-SAT/targets/new")
        self.fill("period", "FY2027")
        self.fill("value", "90")
        self.fill("rationale", "The best region reaches 90")
        self.submit("#target-form", lambda d: d.current_url.endswith("/indicators/WALK-SAT"))

        # 2. The steward is reminded by e-mail (goalstat remind, as cron runs it, through the test's SMTP server).
        before = set(glob.glob(os.path.join(SMTP_DIR, "*.json")))
        run = subprocess.run(
            [BIN, "remind", "--database", DATABASE, "--smtp-host", "127.0.0.1", "--smtp-port", SMTP_PORT,
             "--smtp-from", "GoalStat <goalstat@example.gov>", "--site-url", BASE],
            capture_output=True, text=True, timeout=120,
        )
        self.assertEqual(run.returncode, 0, run.stderr)
        arrived = []
        for path in sorted(set(glob.glob(os.path.join(SMTP_DIR, "*.json"))) - before):
            with open(path, encoding="utf-8") as message:
                arrived.append(json.load(message))
        to_steward = [m for m in arrived if "w.greene@example.gov" in m["rcptTos"] and "Counter visits" in m["data"]]
        self.assertTrue(to_steward, "no reminder about Counter visits reached w.greene@example.gov: %s" % [m["rcptTos"] for m in arrived])

        # 3. The steward's grid opens on her indicators; she enters values for a unit and a quarter.
        self.sign_in("w.greene@example.gov")
        driver.get(BASE + "/data-entry?month=2026-09&orgUnit=DMV-FO-NORTH")
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.NAME, "value[WALK-SAT]"))
        self.assertIn("Northern Region Offices", main_text(driver))
        self.fill("value[WALK-SAT]", "140")
        self.fill("value[WALK-SERVED]", "410")
        self.submit("main form[method='post']", lambda d: "140 is above 100" in main_text(d))
        self.fill("value[WALK-SAT]", "88")
        self.submit("main form[method='post']", lambda d: "Saved" in main_text(d))
        self.assertIn("2 added", main_text(driver))

        # 4. The PIO sees every step in the indicator's history: its definition, its target and its value.
        self.sign_in("r.alvarez@example.gov")
        driver.get(BASE + "/indicators/WALK-SAT")
        driver.find_element(By.PARTIAL_LINK_TEXT, "History of changes").click()
        WebDriverWait(driver, 15).until(lambda d: "Audit log" in main_text(d))
        history = main_text(driver)
        self.assertIn("Counter satisfaction", history)
        self.assertIn("The best region reaches 90", history)
        self.assertIn("88", history)
        self.assertIn("w.greene@example.gov", history)


if __name__ == "__main__":
    unittest.main()
