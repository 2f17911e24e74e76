"""The dialler outcome rules, without a database."""
import unittest

from odoo.addons.cs_callcenter.services import dialler_outcomes as rules


class TestDiallerOutcomes(unittest.TestCase):

    def test_final_outcomes_close_the_contact(self):
        for outcome in ('success', 'refused', 'empty_number', 'wrong_number'):
            self.assertEqual(rules.next_state(outcome, 1, 3), 'done')

    def test_unanswered_contact_is_exhausted_at_max_attempts(self):
        self.assertEqual(rules.next_state('busy', 2, 3), 'pending')
        self.assertEqual(rules.next_state('no_answer', 3, 3), 'exhausted')

    def test_callback_needs_a_date(self):
        self.assertEqual(rules.next_state('callback', 1, 3, '2026-12-05'), 'callback')
        with self.assertRaises(rules.OutcomeError):
            rules.next_state('callback', 1, 3)
        with self.assertRaises(rules.OutcomeError):
            rules.next_state('hung_up', 1, 3)

    def test_figures(self):
        # 200 attempts, 60 connected, 3 successes: connect 60/200 = 30 %, success 3/60 = 5 %.
        figures = rules.campaign_figures(200, 60, 3, 50, 1.0)
        self.assertEqual(figures, {'connect_rate': 30.0, 'success_rate': 5.0, 'low_success': False})
        # 60 connected, none a success: 0 % < 1 % after 50 connected → alert; with 49 connected, not yet.
        self.assertTrue(rules.campaign_figures(100, 60, 0, 50, 1.0)['low_success'])
        self.assertFalse(rules.campaign_figures(100, 49, 0, 50, 1.0)['low_success'])
        self.assertEqual(rules.campaign_figures(0, 0, 0, 50, 1.0)['connect_rate'], 0.0)

    def test_most_specific_script(self):
        scripts = [(1, None, None), (2, 'female', None), (3, 'female', '30_39'), (4, None, '20_29')]
        self.assertEqual(rules.pick_script(scripts, 'female', '30_39'), 3)  # both criteria
        self.assertEqual(rules.pick_script(scripts, 'female', '50_59'), 2)  # gender only
        self.assertEqual(rules.pick_script(scripts, 'male', '20_29'), 4)    # age band only
        self.assertEqual(rules.pick_script(scripts, 'male', '60_plus'), 1)  # the general one
        self.assertIsNone(rules.pick_script([(2, 'female', None)], 'male', None))
