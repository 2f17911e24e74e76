from odoo.tests.common import TransactionCase


class TestTrainingDemo(TransactionCase):
    """The demo: the onboarding course and two skills courses with sessions and results; the demo agents
    certified; new hires in onboarding, some of them passed. Skipped on a database without demo data."""

    def test_demo_training(self):
        if not self.env.ref('cs_recruit.training_course_monthly_exam', raise_if_not_found=False):
            self.skipTest('no demo data')
        agent = self.env['hr.employee'].search([('user_id', '=', self.env.ref('cs_helpdesk.user_agent').id)])
        self.assertTrue(agent.cs_certified)
        for xmlid in ('training_course_onboarding', 'training_course_monthly_exam', 'training_course_complaints'):
            course = self.env.ref('cs_recruit.' + xmlid)
            self.assertTrue(course.session_ids.filtered(lambda session: session.state == 'done'), xmlid)
            self.assertTrue(self.env['cs.training.attendance'].search_count(
                [('course_id', '=', course.id), ('result', '=', 'passed')]), xmlid)
        hires = self.env['hr.applicant'].search([('emp_id', '!=', False), ('emp_id.active', '=', True)]).mapped('emp_id')
        self.assertTrue(hires)
        onboarding = hires.mapped('cs_training_attendance_ids').filtered('is_onboarding')
        self.assertEqual(onboarding.mapped('employee_id'), hires)  # every new hire enrolled
        self.assertTrue(hires.filtered('cs_certified'))
        self.assertTrue(hires.filtered(lambda employee: not employee.cs_certified))
        self.assertTrue(self.env['cs.training.report'].search_count([('attendance_rate', '<', 100)]))
