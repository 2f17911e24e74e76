from odoo import fields
from odoo.exceptions import UserError

from .common import RecruitCase, TrainingCase


class TestCertificationGate(TrainingCase):
    """R9: the onboarding course passed certifies an employee; only certified agents join call queues or are
    assigned work orders. Users without an employee record are not gated."""

    def test_passing_onboarding_certifies_with_a_date(self):
        self.assertFalse(self.agent.cs_certified)
        session = self.make_session(self.onboarding, self.agent | self.agent2, date_start='2026-02-03 01:00:00')
        session.action_schedule()
        session.action_start()
        session.action_evaluate()
        self.answer_exam(session.attendance_ids.filtered(lambda line: line.employee_id == self.agent))
        self.answer_exam(session.attendance_ids.filtered(lambda line: line.employee_id == self.agent2),
                         wrong_answers=1)  # 80 < 85
        self.assertTrue(self.agent.cs_certified)
        self.assertEqual(self.agent.cs_certified_date, '2026-02-03')
        self.assertFalse(self.agent2.cs_certified)

    def test_other_courses_do_not_certify(self):
        session = self.make_session(self.skills, self.agent)
        session.action_schedule()
        session.action_start()
        session.action_evaluate()
        session.attendance_ids.exam_score = 100
        self.assertEqual(session.attendance_ids.result, 'passed')
        self.assertFalse(self.agent.cs_certified)

    def test_a_result_corrected_before_closing_recomputes_certification(self):
        session = self.make_session(self.onboarding, self.agent)
        session.action_schedule()
        session.action_start()
        session.action_evaluate()
        session.attendance_ids.exam_score = 90
        self.assertTrue(self.agent.cs_certified)
        session.attendance_ids.exam_score = 70  # keyed in wrong, corrected
        self.assertFalse(self.agent.cs_certified)
        self.assertFalse(self.agent.cs_certified_date)

    def test_queue_refuses_an_uncertified_agent_from_both_sides(self):
        with self.assertRaisesRegex(UserError, '李娜.*(onboarding|岗前培训)'):
            with self.env.cr.savepoint():
                self.queue.write({'member_ids': [(4, self.agent_user.id)]})
        with self.assertRaisesRegex(UserError, '李娜'):
            with self.env.cr.savepoint():
                self.agent_user.write({'cs_queue_ids': [(4, self.queue.id)]})
        with self.assertRaisesRegex(UserError, '李娜'):
            with self.env.cr.savepoint():
                self.env['cs.call.queue'].create({'name': '新队列', 'code': 'ttr-new',
                                                  'member_ids': [(6, 0, self.agent_user.ids)]})
        self.assertNotIn(self.agent_user, self.queue.member_ids)
        self.certify(self.agent)
        self.queue.write({'member_ids': [(4, self.agent_user.id)]})
        self.assertIn(self.agent_user, self.queue.member_ids)
        # An uncertified member already in the queue does not block other changes to it.
        self.queue.write({'name': '培训测试队列(改)'})

    def test_work_order_refuses_an_uncertified_assignee(self):
        Ticket = self.env['cs.ticket']
        with self.assertRaisesRegex(UserError, '王磊.*(onboarding|岗前培训)'):
            with self.env.cr.savepoint():
                Ticket.create({'name': '宽带报修', 'user_id': self.agent2_user.id})
        ticket = Ticket.create({'name': '宽带报修', 'team_id': self.team.id})
        with self.assertRaisesRegex(UserError, '王磊'):
            with self.env.cr.savepoint():
                ticket.write({'user_id': self.agent2_user.id})
        # An uncertified agent who writes an order down would become its assignee: refused as well.
        with self.assertRaisesRegex(UserError, '王磊'):
            with self.env.cr.savepoint():
                Ticket.sudo(self.agent2_user).create({'name': '业务咨询'})
        self.certify(self.agent2)
        ticket.write({'user_id': self.agent2_user.id})
        self.assertEqual(ticket.user_id, self.agent2_user)

    def test_users_without_employee_are_not_gated(self):
        self.queue.write({'member_ids': [(4, self.supervisor.id)]})
        ticket = self.env['cs.ticket'].create({'name': '信息查询', 'user_id': self.director.id})
        self.assertEqual(ticket.user_id, self.director)


class TestNewHireOnboarding(RecruitCase):
    """R8: a new hire of the customer-service pipeline is enrolled in the onboarding course at once."""

    def test_accepted_offer_enrolls_the_new_agent(self):
        applicant = self.make_applicant('钱多多')
        self.bring_to_offer(applicant)
        applicant.action_cs_accept_offer()
        employee = applicant.emp_id.sudo()  # the recruiter has no training rights
        line = employee.cs_training_attendance_ids
        self.assertEqual(line.course_id, self.env.ref('cs_recruit.training_course_onboarding'))
        self.assertEqual((line.result, line.session_id.state), ('pending', 'draft'))
        self.assertGreater(line.session_id.date_start, fields.Datetime.now())
        self.assertFalse(employee.cs_certified)
        # Enrolling again does nothing: one onboarding at a time.
        self.assertFalse(employee.cs_enroll_onboarding())

    def test_mentor_and_mentees(self):
        applicant = self.make_applicant('孙悦')
        self.bring_to_offer(applicant)
        applicant.action_cs_accept_offer()
        mentor = self.env['hr.employee'].create({'name': '资深坐席 周敏'})
        applicant.emp_id.cs_mentor_id = mentor
        self.assertEqual(mentor.cs_mentee_ids, applicant.emp_id)
