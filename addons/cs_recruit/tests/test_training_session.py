from odoo.exceptions import UserError, ValidationError

from .common import TrainingCase


class TestTrainingSession(TrainingCase):
    """R8: sessions through their states, attendance, exams scored by survey against the pass mark,
    satisfaction, monthly exams per team and the attendance rate per employee and month."""

    def test_course_defaults_pass_mark_85_and_materials(self):
        course = self.env['cs.training.course'].sudo(self.trainer).create({
            'name': '新业务培训', 'category': 'skills', 'method': 'external',
            'material_ids': [(0, 0, {'name': '新业务说明', 'url': 'https://example.com/new-product'})]})
        self.assertEqual(course.pass_mark, 85)
        self.assertEqual(course.material_ids.url, 'https://example.com/new-product')
        with self.assertRaises(ValidationError):
            self.env['cs.training.material'].create({'course_id': course.id, 'name': '空资料'})

    def test_session_goes_through_its_states(self):
        session = self.make_session(self.skills, self.agent | self.agent2)
        self.assertEqual((session.state, session.pass_mark, session.name), ('draft', 85, '业务技能测试课'))
        with self.assertRaises(UserError):
            session.action_done()  # draft → done is not a transition
        session.action_schedule()
        session.action_start()
        session.action_evaluate()
        self.assertEqual(session.attendance_ids.mapped('presence'), ['present', 'present'])
        self.assertEqual(session.attendance_ids.mapped('hours'), [2.0, 2.0])  # the course's duration
        self.assertEqual(session.state, 'evaluating')

    def test_session_cannot_be_done_while_a_result_is_pending(self):
        session = self.make_session(self.skills, self.agent | self.agent2)
        session.action_schedule()
        session.action_start()
        session.action_evaluate()
        line_agent = session.attendance_ids.filtered(lambda line: line.employee_id == self.agent)
        line_agent2 = session.attendance_ids - line_agent
        line_agent.exam_score = 90
        with self.assertRaisesRegex(UserError, '王磊'):
            session.action_done()  # 王磊's exam is not graded
        line_agent2.exam_score = 60
        session.action_done()
        self.assertEqual(session.state, 'done')
        self.assertEqual((line_agent.result, line_agent2.result), ('passed', 'failed'))
        with self.assertRaises(UserError):
            line_agent2.sudo(self.trainer).exam_score = 95  # results of a done session are final

    def test_exam_scored_by_survey_against_the_pass_mark(self):
        session = self.make_session(self.skills, self.agent | self.agent2)
        session.action_schedule()
        session.action_start()
        session.action_collect_exams()
        line_agent, line_agent2 = [session.attendance_ids.filtered(lambda line: line.employee_id == employee)
                                   for employee in (self.agent, self.agent2)]
        self.assertTrue(line_agent.exam_input_id and line_agent2.exam_input_id)
        self.assertEqual(line_agent.result, 'pending')
        session.action_evaluate()
        self.answer_exam(line_agent)  # 5 × 20 = 100
        self.answer_exam(line_agent2, wrong_answers=1)  # 4 × 20 = 80 < 85
        self.assertEqual((line_agent.exam_score, line_agent.result, line_agent.passed), (100, 'passed', True))
        self.assertEqual((line_agent2.exam_score, line_agent2.result), (80, 'failed'))
        self.assertEqual(session.passed_count, 1)

    def test_absent_fails_and_course_without_exam_passes_on_attendance(self):
        session = self.make_session(self.no_exam, self.agent | self.agent2)
        session.action_schedule()
        session.action_start()
        session.attendance_ids.filtered(lambda line: line.employee_id == self.agent2).presence = 'absent'
        session.action_evaluate()
        results = {line.employee_id: (line.result, line.hours) for line in session.attendance_ids}
        self.assertEqual(results[self.agent], ('passed', 3.0))
        self.assertEqual(results[self.agent2], ('failed', 0.0))
        session.attendance_ids.filtered(lambda line: line.employee_id == self.agent).satisfaction = 'satisfied'
        session.action_done()
        self.assertEqual(session.state, 'done')

    def test_cancelled_session_and_back_to_draft(self):
        session = self.make_session(self.skills, self.agent)
        session.action_schedule()
        session.action_cancel()
        self.assertEqual(session.state, 'cancelled')
        session.action_draft()
        self.assertEqual(session.state, 'draft')

    def test_attendees_many2many_adds_and_removes_lines(self):
        session = self.make_session(self.no_exam, self.agent)
        session.attendee_ids = self.agent2
        self.assertEqual(session.attendance_ids.mapped('employee_id'), self.agent2)

    def test_monthly_exam_of_a_team(self):
        # The team's members 李娜, 王磊 and the leader have employees; the other team's 赵强 is not invited.
        session = self.Session._create_monthly_exam(self.team, self.skills, '2026-03-04')
        self.assertEqual(session.kind, 'monthly_exam')
        self.assertEqual(session.attendance_ids.mapped('employee_id'), self.agent | self.agent2 | self.leader_employee)
        self.assertEqual(session.date_start, '2026-03-25 06:00:00')  # the 25th, 14:00 in China
        self.assertEqual(self.Session._create_monthly_exam(self.team, self.skills, '2026-03-20'), session)
        wizard = self.env['cs.training.monthly.exam'].sudo(self.trainer).create({
            'course_id': self.skills.id, 'team_ids': [(6, 0, self.team.ids)], 'date': '2026-04-02'})
        action = wizard.action_create()
        april = self.env['cs.training.session'].search(action['domain'])
        self.assertEqual(april.date_start, '2026-04-25 06:00:00')

    def test_attendance_rate_per_employee_and_month(self):
        # March: 李娜 required at 3 sessions, attends 2 (one absent) → 2 / 3 = 66.7 %; a cancelled session and a
        # not-required one do not count. April: nothing required → None.
        for day, absent in (('2026-03-02', False), ('2026-03-09', True), ('2026-03-16', False)):
            session = self.make_session(self.no_exam, self.agent, date_start=day + ' 01:00:00')
            session.action_schedule()
            session.action_start()
            if absent:
                session.attendance_ids.presence = 'absent'
            session.action_evaluate()
            session.action_done()
        cancelled = self.make_session(self.no_exam, self.agent, date_start='2026-03-20 01:00:00')
        cancelled.action_cancel()
        optional = self.make_session(self.no_exam, self.agent, date_start='2026-03-23 01:00:00')
        optional.attendance_ids.required = False
        Attendance = self.env['cs.training.attendance']
        self.assertEqual(Attendance._attendance_rate(self.agent, '2026-03-01', '2026-04-01'), 66.7)
        self.assertIsNone(Attendance._attendance_rate(self.agent, '2026-04-01', '2026-05-01'))
        report = self.env['cs.training.report'].search([('employee_id', '=', self.agent.id),
                                                        ('month', '=', '2026-03-01')])
        self.assertEqual((report.required_count, report.attended_count, report.attendance_rate), (3, 2, 66.7))

    def test_sessions_still_to_come_are_not_missed(self):
        # March: one held session, attended; one scheduled later in the month, not held yet: 1 / 1 = 100 %.
        # April holds only a scheduled session: nothing required yet, so no rate and no report line.
        held = self.make_session(self.no_exam, self.agent, date_start='2026-03-02 01:00:00')
        held.action_schedule()
        held.action_start()
        held.action_evaluate()
        held.action_done()
        for day in ('2026-03-30', '2026-04-06'):
            self.make_session(self.no_exam, self.agent, date_start=day + ' 01:00:00').action_schedule()
        Attendance = self.env['cs.training.attendance']
        self.assertEqual(Attendance._attendance_rate(self.agent, '2026-03-01', '2026-04-01'), 100.0)
        self.assertIsNone(Attendance._attendance_rate(self.agent, '2026-04-01', '2026-05-01'))
        Report = self.env['cs.training.report']
        march = Report.search([('employee_id', '=', self.agent.id), ('month', '=', '2026-03-01')])
        self.assertEqual((march.required_count, march.attended_count, march.attendance_rate), (1, 1, 100.0))
        self.assertFalse(Report.search([('employee_id', '=', self.agent.id), ('month', '=', '2026-04-01')]))
