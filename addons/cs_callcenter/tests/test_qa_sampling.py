"""The quality inspection rules of services/qa_sampling.py, without a database."""
import unittest

from odoo.addons.cs_callcenter.services import qa_sampling


class TestQaSampling(unittest.TestCase):

    def test_planned_count_rounds_up(self):
        # 100 × 5 / 100 = 5 exactly; 101 × 5 / 100 = 5.05 → 6; 7 × 5 / 100 = 0.35 → 1; nothing answered → 0.
        self.assertEqual(qa_sampling.planned_count(100, 5), 5)
        self.assertEqual(qa_sampling.planned_count(101, 5), 6)
        self.assertEqual(qa_sampling.planned_count(7, 5), 1)
        self.assertEqual(qa_sampling.planned_count(0, 5), 0)

    def test_sample_is_reproducible_and_drawn_from_the_calls(self):
        calls = list(range(1000, 1060))
        first = qa_sampling.pick_sample(calls, 3, 7, '2024-03')
        self.assertEqual(len(first), 3)
        self.assertTrue(set(first) <= set(calls))
        # The same agent and month in any order of the ids: the same calls.
        self.assertEqual(qa_sampling.pick_sample(list(reversed(calls)), 3, 7, '2024-03'), first)
        # Another month draws again (60 calls, 3 drawn: the same three by chance is 1 in 34 220).
        self.assertNotEqual(qa_sampling.pick_sample(calls, 3, 7, '2024-04'), first)
        # Fewer calls than planned: all of them.
        self.assertEqual(qa_sampling.pick_sample([5, 3], 4, 7, '2024-03'), [3, 5])

    def test_score_is_the_sum_or_zero_on_a_failed_fatal_criterion(self):
        # 45 + 30 + 10 = 85; a failed non-fatal line keeps its points; a failed fatal line gives 0.
        self.assertEqual(qa_sampling.review_score([(45, True, False), (30, False, False), (10, False, True)]),
                         (85.0, False))
        self.assertEqual(qa_sampling.review_score([(45, True, True), (30, False, False)]), (0.0, True))

    def test_calibration_figures(self):
        # 80, 90, 95: lowest 80, highest 95, spread 15, mean 265 / 3 = 88.33.
        figures = qa_sampling.calibration_figures([80, 90, 95])
        self.assertEqual((figures['score_min'], figures['score_max'], figures['spread']), (80.0, 95.0, 15.0))
        self.assertAlmostEqual(figures['score_mean'], 88.3333, places=3)
        self.assertEqual(qa_sampling.calibration_figures([])['spread'], 0.0)
