import unittest
from datetime import date

from odoo.addons.cs_recruit.services import requisition


class TestRecruitingTarget(unittest.TestCase):
    """Target = need × (1 + buffer %), rounded up to a whole candidate (S4)."""

    def test_ten_agents_with_the_default_buffer_need_fifteen_candidates(self):
        # 10 × (1 + 50 / 100) = 15
        self.assertEqual(requisition.recruiting_target(10), 15)

    def test_half_a_candidate_is_rounded_up(self):
        # 7 × 1.5 = 10.5 -> 11
        self.assertEqual(requisition.recruiting_target(7, 50), 11)

    def test_decimal_arithmetic_does_not_round_up_an_exact_target(self):
        # 10 × 1.1 = 11 exactly; in binary floats it is 11.000000000000002, which a naive ceil makes 12.
        self.assertEqual(requisition.recruiting_target(10, 10), 11)
        # 3 × 1.125 = 3.375 -> 4, with a fractional buffer
        self.assertEqual(requisition.recruiting_target(3, 12.5), 4)

    def test_no_buffer_and_no_need(self):
        self.assertEqual(requisition.recruiting_target(9, 0), 9)
        self.assertEqual(requisition.recruiting_target(0, 50), 0)

    def test_negative_values_are_refused(self):
        with self.assertRaises(ValueError):
            requisition.recruiting_target(-1, 50)
        with self.assertRaises(ValueError):
            requisition.recruiting_target(10, -5)


class TestCampaignWindow(unittest.TestCase):
    """A campaign should not stay open more than four weeks (S0)."""

    today = date(2024, 3, 30)

    def test_a_campaign_open_exactly_28_days_is_on_time(self):
        # 2 March -> 30 March = 28 days, not more than 28.
        window = requisition.campaign_window(date(2024, 3, 2), self.today)
        self.assertEqual(window.days_open, 28)
        self.assertFalse(window.overdue)
        self.assertEqual(window.days_left, 0)

    def test_a_campaign_open_29_days_is_overdue(self):
        # 1 March -> 30 March = 29 days (2024 is a leap year, but both days are in March).
        window = requisition.campaign_window(date(2024, 3, 1), self.today)
        self.assertEqual(window.days_open, 29)
        self.assertTrue(window.overdue)
        self.assertEqual(window.days_left, -1)

    def test_a_closed_campaign_stops_counting_at_its_end(self):
        # 1 Feb -> 20 Feb = 19 days, although today is 30 March.
        window = requisition.campaign_window(date(2024, 2, 1), self.today, end=date(2024, 2, 20))
        self.assertEqual(window.days_open, 19)
        self.assertFalse(window.overdue)

    def test_a_planned_end_in_the_future_does_not_count_yet(self):
        # Started 20 March, planned to end 30 April: 10 days open today.
        window = requisition.campaign_window(date(2024, 3, 20), self.today, end=date(2024, 4, 30))
        self.assertEqual(window.days_open, 10)

    def test_the_limit_is_configurable(self):
        # 16 March -> 30 March = 14 days, more than a 10-day limit.
        self.assertTrue(requisition.campaign_window(date(2024, 3, 16), self.today, warning_days=10).overdue)

    def test_a_campaign_starting_later_is_zero_days_open(self):
        self.assertEqual(requisition.campaign_window(date(2024, 4, 5), self.today).days_open, 0)

    def test_no_start_no_window_and_bad_input_is_refused(self):
        self.assertIsNone(requisition.campaign_window(None, self.today))
        with self.assertRaises(ValueError):
            requisition.campaign_window(date(2024, 3, 10), self.today, end=date(2024, 3, 9))
        with self.assertRaises(ValueError):
            requisition.campaign_window(date(2024, 3, 10), self.today, warning_days=-1)


class TestRequirements(unittest.TestCase):
    """Education >= junior college, age 20-40, typing >= 50/min, Mandarin, Office (S4)."""

    good = {'education': 'junior_college', 'age': 23, 'typing_speed': 55, 'mandarin_level': '2b',
            'office_skills': True}

    def codes(self, profile, requirements=None):
        return [failure.code for failure in requisition.check_requirements(profile, requirements)]

    def test_a_candidate_meeting_every_requirement_passes(self):
        self.assertEqual(requisition.check_requirements(self.good), [])

    def test_a_higher_education_or_mandarin_level_passes(self):
        profile = dict(self.good, education='master', mandarin_level='1a')
        self.assertEqual(self.codes(profile), [])

    def test_a_high_school_graduate_fails_education_with_a_reason(self):
        failures = requisition.check_requirements(dict(self.good, education='high_school'))
        self.assertEqual(len(failures), 1)
        self.assertEqual(failures[0].code, 'education')
        self.assertEqual(failures[0].required, 'junior_college')
        self.assertEqual(failures[0].actual, 'high_school')
        self.assertIn('below the required Junior college', failures[0].reason)

    def test_age_limits_are_inclusive(self):
        self.assertEqual(self.codes(dict(self.good, age=20)), [])
        self.assertEqual(self.codes(dict(self.good, age=40)), [])
        self.assertEqual(self.codes(dict(self.good, age=19)), ['age'])
        self.assertEqual(self.codes(dict(self.good, age=41)), ['age'])

    def test_age_from_a_birth_date(self):
        # Born 15 June 2004: 19 on 14 June 2024, 20 on 15 June 2024.
        profile = dict(self.good, age=None, birth_date=date(2004, 6, 15))
        self.assertEqual(self.codes(dict(profile, on_date=date(2024, 6, 14))), ['age'])
        self.assertEqual(self.codes(dict(profile, on_date=date(2024, 6, 15))), [])

    def test_every_failure_is_listed_in_order(self):
        profile = {'education': 'junior_high', 'age': 45, 'typing_speed': 30, 'mandarin_level': '3a',
                   'office_skills': False}
        failures = requisition.check_requirements(profile)
        self.assertEqual([f.code for f in failures], ['education', 'age', 'typing_speed', 'mandarin',
                                                     'office_skills'])
        self.assertIn('typing speed 30 characters/min is below the required 50', failures[2].reason)

    def test_a_missing_value_fails_as_not_stated(self):
        failures = requisition.check_requirements({})
        self.assertEqual(len(failures), 5)
        self.assertTrue(all(failure.actual is None for failure in failures))
        self.assertIn('not stated', failures[0].reason)

    def test_an_empty_requirement_is_not_checked(self):
        requirements = dict(requisition.DEFAULT_REQUIREMENTS, min_typing_speed=0, office_skills=False,
                            min_mandarin_level=False)
        profile = dict(self.good, typing_speed=10, office_skills=False, mandarin_level=None)
        self.assertEqual(self.codes(profile, requirements), [])

    def test_age_on(self):
        self.assertEqual(requisition.age_on(date(2000, 2, 29), date(2024, 2, 28)), 23)
        self.assertEqual(requisition.age_on(date(2000, 2, 29), date(2024, 2, 29)), 24)
