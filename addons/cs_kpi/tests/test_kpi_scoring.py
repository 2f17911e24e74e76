import unittest

from odoo.addons.cs_kpi.services import kpi_scoring
from odoo.addons.cs_kpi.services.kpi_scoring import Rule, score


class TestLinearRule(unittest.TestCase):
    """Start at 100, move per full step below or above the target (K2 #2: 95 %, ∓1 per 1 %)."""

    rule = Rule('linear', target=95, step=1, points_below=1, points_above=1)

    def test_on_target_scores_100(self):
        self.assertEqual(score(self.rule, 95), 100)

    def test_each_full_step_below_deducts(self):
        # 95 - 91 = 4 steps below -> 100 - 4 = 96
        self.assertEqual(score(self.rule, 91), 96)

    def test_partial_steps_do_not_count(self):
        # 95 - 93.5 = 1.5 -> one full step -> 99; 95.9 is 0.9 above -> no full step -> 100
        self.assertEqual(score(self.rule, 93.5), 99)
        self.assertEqual(score(self.rule, 95.9), 100)

    def test_each_full_step_above_adds(self):
        # 98 - 95 = 3 steps above -> 103: bonuses may pass 100
        self.assertEqual(score(self.rule, 98), 103)

    def test_float_noise_still_counts_a_full_step(self):
        # 60 - 58.2 is 1.7999999999999972 in floating point: with step 0.6 that is 3 full steps
        rule = Rule('linear', target=60, step=0.6, points_below=1)
        self.assertEqual(score(rule, 58.2), 97)

    def test_score_never_goes_below_the_default_floor_of_70(self):
        # 95 - 40 = 55 steps -> 45, capped at 70
        self.assertEqual(score(self.rule, 40), 70)

    def test_a_rule_may_set_its_own_floor(self):
        # execution (K2 #17): at most 20 deducted -> floor 80; 100 - 65 = 35 -> 65 -> 80
        rule = Rule('linear', target=100, step=1, points_below=1, floor=80)
        self.assertEqual(score(rule, 65), 80)
        self.assertEqual(score(rule, 88), 88)

    def test_lower_is_better_reverses_the_direction(self):
        # response time (K2 #6): target 8 s, -2 per second slower, +2 per second faster
        rule = Rule('linear', target=8, step=1, points_below=2, points_above=2, lower_is_better=True)
        self.assertEqual(score(rule, 11), 94)      # 3 s slower -> 100 - 6
        self.assertEqual(score(rule, 6.5), 102)    # 1.5 s faster -> 1 full second -> 100 + 2
        self.assertEqual(score(rule, 30), 70)      # 22 s slower -> 56 -> floor 70

    def test_a_different_step_above_the_target(self):
        # effective return visits (K2 #8): -2 per 2 % below 80 %, +2 per 5 % above
        rule = Rule('linear', target=80, step=2, step_above=5, points_below=2, points_above=2)
        self.assertEqual(score(rule, 75), 96)      # 5 below -> 2 full steps of 2 -> -4
        self.assertEqual(score(rule, 89), 102)     # 9 above -> 1 full step of 5 -> +2
        self.assertEqual(score(rule, 90), 104)     # 10 above -> 2 full steps of 5 -> +4

    def test_a_dict_of_parameters_is_accepted(self):
        self.assertEqual(score({'kind': 'linear', 'target': 95, 'points_below': 1}, 94), 99)


class TestFlatBonusRule(unittest.TestCase):
    """Repair return visits (K2 #7): -2 per 1 % below 99 %, +1 once when above."""

    rule = Rule('flat_bonus', target=99, step=1, points_below=2, points_above=1)

    def test_below_deducts_per_step(self):
        # 99 - 96 = 3 -> -6
        self.assertEqual(score(self.rule, 96), 94)

    def test_on_target_scores_100(self):
        self.assertEqual(score(self.rule, 99), 100)

    def test_above_earns_the_bonus_once(self):
        self.assertEqual(score(self.rule, 99.5), 101)
        self.assertEqual(score(self.rule, 100), 101)


class TestRelativeRule(unittest.TestCase):
    """Calls answered (K2 #1): 100 × N / N_max."""

    rule = Rule('relative')

    def test_score_is_the_share_of_the_best(self):
        # 100 × 900 / 1200 = 75
        self.assertEqual(score(self.rule, 900, best=1200), 75)
        self.assertEqual(score(self.rule, 1200, best=1200), 100)

    def test_floor_applies(self):
        # 100 × 300 / 1200 = 25 -> 70
        self.assertEqual(score(self.rule, 300, best=1200), 70)

    def test_best_is_required(self):
        with self.assertRaises(ValueError):
            score(self.rule, 900)

    def test_a_month_without_any_call_ties_everyone(self):
        self.assertEqual(score(self.rule, 0, best=0), 100)


class TestPerUnitRule(unittest.TestCase):
    """Counts against zero: complaints, report errors and absences deduct; suggestions add."""

    def test_each_absence_deducts_5(self):
        rule = Rule('per_unit', points_below=5, lower_is_better=True)
        self.assertEqual(score(rule, 0), 100)
        self.assertEqual(score(rule, 3), 85)
        self.assertEqual(score(rule, 8), 70)       # 100 - 40 = 60 -> floor 70

    def test_each_adopted_suggestion_adds_2(self):
        rule = Rule('per_unit', points_above=2)
        self.assertEqual(score(rule, 3), 106)

    def test_complaint_points_weigh_each_level(self):
        points = {'hotline': 3, 'city': 5, 'province': 8}
        # 2 × 3 + 1 × 5 + 1 × 8 = 19; a normal complaint costs nothing
        value = kpi_scoring.complaint_points({'hotline': 2, 'city': 1, 'province': 1, 'normal': 4}, points)
        self.assertEqual(value, 19)
        rule = Rule('per_unit', points_below=1, lower_is_better=True)
        self.assertEqual(score(rule, value), 81)


class TestBandsRule(unittest.TestCase):
    """Deduction bands: the tightest band the value falls under applies."""

    def test_monthly_exam(self):
        # K2 #15: >= 85 -> 100; < 85 -> 95; < 60 -> 90
        rule = Rule('bands', bands=[(85, 5), (60, 10)])
        self.assertEqual(score(rule, 92), 100)
        self.assertEqual(score(rule, 85), 100)
        self.assertEqual(score(rule, 84.5), 95)
        self.assertEqual(score(rule, 60), 95)
        self.assertEqual(score(rule, 59), 90)

    def test_band_order_does_not_matter(self):
        rule = Rule('bands', bands=[(60, 10), (85, 5)])
        self.assertEqual(score(rule, 70), 95)

    def test_training_attendance_starts_at_the_rate(self):
        # K2 #14: 100 × rate, -10 below 70 %, -20 below 60 %, -30 below 50 %; floor 0 so the bands bite
        rule = Rule('bands', band_base='value', floor=0, bands=[(70, 10), (60, 20), (50, 30)])
        self.assertEqual(score(rule, 100), 100)
        self.assertEqual(score(rule, 80), 80)
        self.assertEqual(score(rule, 70), 70)      # not below 70 -> no deduction
        self.assertEqual(score(rule, 65), 55)      # 65 - 10
        self.assertEqual(score(rule, 55), 35)      # 55 - 20
        self.assertEqual(score(rule, 40), 10)      # 40 - 30

    def test_sales_completion(self):
        # K2 #18: >= 60 % no deduction, < 60 % -20
        rule = Rule('bands', bands=[(60, 20)])
        self.assertEqual(score(rule, 60), 100)
        self.assertEqual(score(rule, 59.9), 80)


class TestRuleValidation(unittest.TestCase):

    def test_unknown_kind_is_refused(self):
        with self.assertRaises(ValueError):
            Rule('average')

    def test_a_stepped_rule_needs_a_positive_step(self):
        with self.assertRaises(ValueError):
            Rule('linear', target=95, step=0)

    def test_floor_must_lie_between_0_and_100(self):
        with self.assertRaises(ValueError):
            Rule('linear', floor=120)

    def test_bands_rule_needs_bands(self):
        with self.assertRaises(ValueError):
            Rule('bands')

    def test_rule_is_frozen(self):
        rule = Rule('linear', target=95)
        with self.assertRaises(AttributeError):
            rule.target = 90
