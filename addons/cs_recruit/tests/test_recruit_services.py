import unittest
from datetime import date, datetime

from odoo.addons.cs_recruit.services import analytics, assessment, pipeline, requisition, screening

TODAY = date(2026, 11, 25)
GOOD_PROFILE = {'education': 'bachelor', 'birth_date': date(2000, 5, 1), 'typing_speed': 70,
                'mandarin_level': '2a', 'office_skills': True}


def job(employer, start, end=None, relevant=False):
    return screening.WorkPeriod(employer, start, end, relevant)


class TestScreening(unittest.TestCase):
    """Resume screening (R3): the requisition's requirements plus job-hopping and relevant experience."""

    def test_a_candidate_meeting_every_rule_passes(self):
        history = [job('京东客服', date(2022, 1, 1), date(2024, 6, 30), True), job('银座商城', date(2024, 7, 1))]
        self.assertEqual(screening.screen(GOOD_PROFILE, requisition.DEFAULT_REQUIREMENTS, history, TODAY), [])

    def test_every_failed_rule_is_listed_in_order(self):
        profile = {'education': 'high_school', 'birth_date': date(2008, 1, 1), 'typing_speed': 40,
                   'mandarin_level': '3a', 'office_skills': False}
        # Four employers since 2023-11-25 (the last three years), more than three.
        history = [job('A', date(2023, 12, 1), date(2024, 3, 1)), job('B', date(2024, 3, 2), date(2024, 9, 1)),
                   job('C', date(2024, 9, 2), date(2025, 5, 1)), job('D', date(2025, 5, 2))]
        failures = screening.screen(profile, requisition.DEFAULT_REQUIREMENTS, history, TODAY)
        self.assertEqual([failure.code for failure in failures],
                         ['education', 'age', 'typing_speed', 'mandarin', 'office_skills', 'job_hopping'])
        self.assertEqual(failures[1].actual, 18)  # born 2008-01-01, 18 on 2026-11-25
        self.assertEqual(failures[-1].actual, ['A', 'B', 'C', 'D'])

    def test_three_employers_in_three_years_is_not_job_hopping(self):
        history = [job('A', date(2024, 1, 1), date(2024, 6, 1)), job('B', date(2024, 6, 2), date(2025, 1, 1)),
                   job('C', date(2025, 1, 2))]
        self.assertEqual(screening.screen(GOOD_PROFILE, {}, history, TODAY), [])

    def test_old_jobs_and_a_returning_employer_do_not_count_twice(self):
        # 'A' ended 2023-06-30, before the window that starts 2023-11-25; 'b' and 'B ' are one employer.
        history = [job('A', date(2020, 1, 1), date(2023, 6, 30)), job('B', date(2023, 7, 1), date(2024, 1, 1)),
                   job('C', date(2024, 1, 2), date(2024, 12, 1)), job('b', date(2024, 12, 2), date(2025, 6, 1)),
                   job('D', date(2025, 6, 2))]
        self.assertEqual(screening.employers_since(history, date(2023, 11, 25), TODAY), ['B', 'C', 'D'])
        self.assertEqual(screening.screen(GOOD_PROFILE, {}, history, TODAY), [])

    def test_the_job_hopping_window_and_limit_are_configurable(self):
        # Window of one year: since 2025-11-25; A (until 2025-12-01) and B overlap it: 2 employers > 1.
        history = [job('A', date(2025, 1, 1), date(2025, 12, 1)), job('B', date(2025, 12, 2))]
        failures = screening.screen(GOOD_PROFILE, {}, history, TODAY, hopping_years=1, hopping_max_employers=1)
        self.assertEqual([failure.code for failure in failures], ['job_hopping'])
        self.assertEqual(failures[0].required, (1, 1))
        # A limit of zero switches the rule off.
        self.assertEqual(screening.screen(GOOD_PROFILE, {}, history, TODAY, hopping_max_employers=0), [])

    def test_relevant_experience_counts_overlapping_jobs_once(self):
        # 2025-01-01..2025-12-31 relevant (365 days = 12 months), overlapping 2025-07-01..2025-09-30 relevant
        # adds nothing, an irrelevant job adds nothing.
        history = [job('A', date(2025, 1, 1), date(2025, 12, 31), True), job('B', date(2025, 7, 1), date(2025, 9, 30), True),
                   job('C', date(2026, 1, 1), date(2026, 6, 1), False)]
        self.assertEqual(screening.relevant_months(history, TODAY), 12)
        failures = screening.screen(GOOD_PROFILE, {}, history, TODAY, min_relevant_months=18)
        self.assertEqual([(f.code, f.actual) for f in failures], [('experience', 12)])


class TestAssessment(unittest.TestCase):

    def test_the_audition_total_is_the_weighted_mean_on_100(self):
        # (30×4/5 + 20×3/5 + 15×5/5 + 20×4/5 + 15×2/5) / 100 × 100 = (24 + 12 + 15 + 16 + 6) = 73.0
        criteria = [assessment.Criterion(30, 4, 5), assessment.Criterion(20, 3, 5), assessment.Criterion(15, 5, 5),
                    assessment.Criterion(20, 4, 5), assessment.Criterion(15, 2, 5)]
        self.assertEqual(assessment.weighted_score(criteria), 73.0)
        self.assertTrue(assessment.passes(73.0, 60))
        self.assertTrue(assessment.passes(60.0, 60))
        self.assertFalse(assessment.passes(59.9, 60))

    def test_weights_need_not_total_100(self):
        # (1×5/5 + 3×0/5) / 4 × 100 = 25.0
        self.assertEqual(assessment.weighted_score([assessment.Criterion(1, 5, 5), assessment.Criterion(3, 0, 5)]), 25.0)

    def test_invalid_scores_are_refused(self):
        with self.assertRaises(ValueError):
            assessment.weighted_score([assessment.Criterion(10, 6, 5)])
        with self.assertRaises(ValueError):
            assessment.weighted_score([assessment.Criterion(-1, 3, 5)])
        with self.assertRaises(ValueError):
            assessment.weighted_score([assessment.Criterion(0, 3, 5)])

    def test_the_interview_score_is_the_mean_of_the_competencies(self):
        # (4 + 3 + 5 + 4 + 3 + 2) / 6 = 3.5
        self.assertEqual(assessment.mean_score([4, 3, 5, 4, 3, 2]), 3.5)
        self.assertEqual(assessment.mean_score([]), 0.0)


class TestPipeline(unittest.TestCase):

    def test_missing_gates_come_in_pipeline_order(self):
        self.assertEqual(pipeline.missing_gates(['personality_test', 'first_interview', 'written_test'],
                                                {'written_test'}), ['first_interview', 'personality_test'])
        self.assertEqual(pipeline.missing_gates(['screening'], {'screening', 'audition'}), [])
        with self.assertRaises(ValueError):
            pipeline.missing_gates(['typo'], set())

    def test_an_offer_lapses_24_hours_after_it_was_sent(self):
        sent = datetime(2026, 11, 24, 9, 0)
        deadline = pipeline.offer_deadline(sent)
        self.assertEqual(deadline, datetime(2026, 11, 25, 9, 0))
        self.assertFalse(pipeline.offer_lapsed(deadline, datetime(2026, 11, 25, 9, 0)))
        self.assertTrue(pipeline.offer_lapsed(deadline, datetime(2026, 11, 25, 9, 1)))
        self.assertEqual(pipeline.offer_deadline(sent, 48), datetime(2026, 11, 26, 9, 0))
        with self.assertRaises(ValueError):
            pipeline.offer_deadline(sent, 0)


class TestAnalytics(unittest.TestCase):

    def test_the_funnel_counts_who_reached_each_stage(self):
        # Now in A: 5, B: 3, C: 2 -> reached A 10, B 5 (50 % of A), C 2 (40 % of B, 20 % overall).
        steps = analytics.funnel(['A', 'B', 'C'], {'A': 5, 'B': 3, 'C': 2})
        self.assertEqual([(s.stage, s.reached, s.conversion, s.overall) for s in steps],
                         [('A', 10, 100.0, 100.0), ('B', 5, 50.0, 50.0), ('C', 2, 40.0, 20.0)])
        empty = analytics.funnel(['A', 'B'], {})
        self.assertEqual([(s.reached, s.conversion) for s in empty], [(0, None), (0, None)])

    def test_time_to_hire_mean_and_median(self):
        # mean (10 + 20 + 40) / 3 = 23.3, median 20; with 4 values the median is the mean of the middle two.
        self.assertEqual(analytics.time_to_hire([20, 10, 40]), (23.3, 20.0))
        self.assertEqual(analytics.time_to_hire([10, 20, 30, 40]), (25.0, 25.0))
        self.assertEqual(analytics.time_to_hire([]), (None, None))

    def test_age_bands(self):
        self.assertEqual([analytics.age_band(age) for age in (18, 20, 24, 25, 39, 40, 55, None)],
                         ['<20', '20-24', '20-24', '25-29', '35-39', '40+', '40+', 'unknown'])

    def test_too_many_women_in_one_age_band_raise_the_warning(self):
        # 10 hires, 5 women aged 20-24: 50 % > 40 %; 2 women aged 25-29: 20 %, fine.
        hires = [{'age': 22, 'gender': 'female', 'education': 'junior_college'}] * 5 + \
                [{'age': 27, 'gender': 'female', 'education': 'bachelor'}] * 2 + \
                [{'age': 30, 'gender': 'male', 'education': 'bachelor'}] * 3
        structure = analytics.hire_structure(hires)
        self.assertEqual(structure['total'], 10)
        self.assertEqual(structure['age_bands']['20-24'], 5)
        self.assertEqual(structure['gender'], {'female': 7, 'male': 3})
        self.assertEqual(structure['education'], {'junior_college': 5, 'bachelor': 5})
        self.assertEqual([(w.band, w.women, w.share) for w in structure['warnings']], [('20-24', 5, 50.0)])
        # Exactly at the limit is fine: 4 of 10 = 40 %.
        self.assertEqual(analytics.hire_structure(hires[1:] + [{'age': 45, 'gender': 'male'}])['warnings'], [])

    def test_ratios(self):
        self.assertEqual(analytics.ratio(2, 3), 66.7)
        self.assertIsNone(analytics.ratio(1, 0))
