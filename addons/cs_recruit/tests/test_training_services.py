import unittest
from datetime import date

from ..services import training


class TestTrainingServices(unittest.TestCase):
    """The pure training rules: session states, results against the pass mark, attendance rate, certification."""

    def test_session_moves_forward_and_can_be_cancelled_until_done(self):
        self.assertTrue(training.can_move('draft', 'scheduled'))
        self.assertTrue(training.can_move('scheduled', 'in_progress'))
        self.assertTrue(training.can_move('in_progress', 'evaluating'))
        self.assertTrue(training.can_move('evaluating', 'done'))
        self.assertTrue(training.can_move('evaluating', 'cancelled'))
        self.assertTrue(training.can_move('cancelled', 'draft'))
        self.assertFalse(training.can_move('draft', 'done'))
        self.assertFalse(training.can_move('scheduled', 'evaluating'))
        self.assertFalse(training.can_move('done', 'cancelled'))
        self.assertFalse(training.can_move('done', 'draft'))

    def test_pending_results_block_the_end(self):
        self.assertEqual(training.pending_results(['passed', 'pending', 'failed', 'pending']), [1, 3])
        self.assertEqual(training.pending_results(['passed', 'failed']), [])

    def test_result_against_the_pass_mark_of_85(self):
        self.assertEqual(training.attendee_result('present', True, True, 85), 'passed')  # the mark itself passes
        self.assertEqual(training.attendee_result('present', True, True, 84.5), 'failed')
        self.assertEqual(training.attendee_result('present', True, False, 0), 'pending')  # exam not graded
        self.assertEqual(training.attendee_result('pending', True, True, 100), 'pending')  # no attendance yet
        self.assertEqual(training.attendee_result('absent', True, True, 100), 'failed')
        self.assertEqual(training.attendee_result('present', False, False, 0), 'passed')  # no exam
        self.assertEqual(training.attendee_result('present', True, True, 70, pass_mark=60), 'passed')
        self.assertEqual(training.DEFAULT_EXAM_PASS_MARK, 85.0)

    def test_attendance_rate(self):
        self.assertEqual(training.attendance_rate(7, 9), 77.8)  # 7 / 9 = 0.7777… → 77.8 %
        self.assertEqual(training.attendance_rate(4, 4), 100.0)
        self.assertEqual(training.attendance_rate(0, 3), 0.0)
        self.assertIsNone(training.attendance_rate(0, 0))
        with self.assertRaises(ValueError):
            training.attendance_rate(5, 4)
        with self.assertRaises(ValueError):
            training.attendance_rate(-1, 4)

    def test_certified_by_a_passed_onboarding_only(self):
        self.assertTrue(training.is_certified([(False, 'passed'), (True, 'passed')]))
        self.assertFalse(training.is_certified([(False, 'passed'), (True, 'failed'), (True, 'pending')]))
        self.assertFalse(training.is_certified([]))

    def test_month_bounds(self):
        self.assertEqual(training.month_bounds(date(2026, 2, 14)), (date(2026, 2, 1), date(2026, 3, 1)))
        self.assertEqual(training.month_bounds(date(2026, 12, 31)), (date(2026, 12, 1), date(2027, 1, 1)))
