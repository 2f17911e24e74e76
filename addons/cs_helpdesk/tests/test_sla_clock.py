import unittest
from datetime import datetime

from odoo.addons.cs_helpdesk.services import sla_clock
from odoo.addons.cs_helpdesk.services.sla_clock import WorkingSchedule, add_working_hours

# The centre's standard hours: Monday to Friday, 08:30-12:00 and 13:00-17:30 (8 working hours a day).
OFFICE_HOURS = [(day, 8.5, 12.0) for day in range(5)] + [(day, 13.0, 17.5) for day in range(5)]
# November 2026: Wednesday 25, Thursday 26, Friday 27, Saturday 28, Sunday 29, Monday 30.


def at(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute)


class TestSlaClock(unittest.TestCase):
    """Deadlines in working hours: nights, weekends, holidays, pauses, off-hours creation."""

    def setUp(self):
        self.office = WorkingSchedule(OFFICE_HOURS)

    def test_a_deadline_within_the_morning(self):
        # Wed 09:00 + 2 h = Wed 11:00.
        self.assertEqual(add_working_hours(at(25, 9), 2, self.office), at(25, 11))

    def test_the_lunch_break_does_not_count(self):
        # Wed 11:00 + 2 h: 11:00-12:00 (1 h), lunch, 13:00-14:00 (1 h) = Wed 14:00.
        self.assertEqual(add_working_hours(at(25, 11), 2, self.office), at(25, 14))

    def test_the_night_does_not_count(self):
        # Wed 16:30 + 2 h: 16:30-17:30 (1 h), night, Thu 08:30-09:30 (1 h) = Thu 09:30.
        self.assertEqual(add_working_hours(at(25, 16, 30), 2, self.office), at(26, 9, 30))

    def test_the_weekend_does_not_count(self):
        # Fri 16:00 + 8 h: Fri 16:00-17:30 (1.5 h), weekend, Mon 08:30-12:00 (3.5 h, 5 h so far),
        # Mon 13:00-16:00 (3 h) = Mon 30 16:00.
        self.assertEqual(add_working_hours(at(27, 16), 8, self.office), at(30, 16))

    def test_a_public_holiday_does_not_count(self):
        # Thursday 26 is a holiday. Wed 16:30 + 2 h: Wed 16:30-17:30 (1 h), Thu closed,
        # Fri 08:30-09:30 (1 h) = Fri 27 09:30.
        holiday = WorkingSchedule(OFFICE_HOURS, closures=[(at(26, 0), at(27, 0))])
        self.assertEqual(add_working_hours(at(25, 16, 30), 2, holiday), at(27, 9, 30))

    def test_a_pause_across_midnight_moves_the_deadline(self):
        # Created Wed 16:00 with a 4 h target; without a pause: Wed 16:00-17:30 (1.5 h) + Thu 08:30-11:00
        # (2.5 h) = Thu 11:00. Paused from Wed 17:00 to Thu 10:00: Wed 16:00-17:00 counts (1 h), then
        # Thu 10:00-12:00 (2 h) and 13:00-14:00 (1 h) = Thu 14:00. The pause ate 0.5 h on Wednesday and
        # 1.5 h on Thursday: the deadline moved by those 2 working hours.
        self.assertEqual(add_working_hours(at(25, 16), 4, self.office), at(26, 11))
        paused = self.office.with_closures([(at(25, 17), at(26, 10))])
        self.assertEqual(add_working_hours(at(25, 16), 4, paused), at(26, 14))

    def test_a_ticket_created_on_saturday_starts_on_monday(self):
        # Sat 10:00 + 8 h: Mon 08:30-12:00 (3.5 h) + 13:00-17:30 (4.5 h) = Mon 30 17:30.
        self.assertEqual(add_working_hours(at(28, 10), 8, self.office), at(30, 17, 30))

    def test_a_ticket_created_at_night_starts_next_morning(self):
        # Wed 20:00 + 1 h = Thu 09:30.
        self.assertEqual(add_working_hours(at(25, 20), 1, self.office), at(26, 9, 30))

    def test_working_hours_between_two_moments(self):
        # Wed 11:00 -> Thu 10:00: 11:00-12:00 (1) + 13:00-17:30 (4.5) + Thu 08:30-10:00 (1.5) = 7 h.
        self.assertEqual(sla_clock.working_hours_between(at(25, 11), at(26, 10), self.office), 7.0)
        self.assertEqual(sla_clock.working_hours_between(at(26, 10), at(25, 11), self.office), 0.0)

    def test_overlapping_closures_are_merged(self):
        schedule = WorkingSchedule(OFFICE_HOURS, closures=[(at(25, 9), at(25, 11)), (at(25, 10), at(25, 14))])
        self.assertEqual(schedule.closures, [(at(25, 9), at(25, 14))])
        # Wed 08:30 + 1 h: 08:30-09:00 (0.5 h), closed until 14:00, 14:00-14:30 = Wed 14:30.
        self.assertEqual(add_working_hours(at(25, 8, 30), 1, schedule), at(25, 14, 30))

    def test_an_empty_calendar_or_target_is_refused(self):
        with self.assertRaises(ValueError):
            add_working_hours(at(25, 9), 1, WorkingSchedule([]))
        with self.assertRaises(ValueError):
            add_working_hours(at(25, 9), 0, self.office)
        with self.assertRaises(ValueError):
            WorkingSchedule([(7, 8, 9)])

    def test_round_the_clock_calendar(self):
        # A 7x24 calendar: Sat 22:00 + 4 h = Sun 02:00.
        always = WorkingSchedule([(day, 0, 24) for day in range(7)])
        self.assertEqual(add_working_hours(at(28, 22), 4, always), at(29, 2))


class TestSlaStatus(unittest.TestCase):

    def test_statuses_of_a_target(self):
        deadline, risk = at(25, 17), at(25, 15)
        self.assertEqual(sla_clock.target_status(at(25, 14), deadline, risk), sla_clock.ON_TRACK)
        self.assertEqual(sla_clock.target_status(at(25, 15), deadline, risk), sla_clock.AT_RISK)
        self.assertEqual(sla_clock.target_status(at(25, 18), deadline, risk), sla_clock.BREACHED)
        self.assertEqual(sla_clock.target_status(at(26, 9), deadline, risk, met_at=at(25, 16)), sla_clock.ON_TRACK)
        self.assertEqual(sla_clock.target_status(at(25, 12), deadline, risk, met_at=at(25, 17, 1)),
                         sla_clock.BREACHED)

    def test_the_worst_status_wins(self):
        self.assertEqual(sla_clock.worst([sla_clock.ON_TRACK, sla_clock.BREACHED, sla_clock.AT_RISK]),
                         sla_clock.BREACHED)
        self.assertEqual(sla_clock.worst([]), sla_clock.ON_TRACK)
