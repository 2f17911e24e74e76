from odoo.exceptions import AccessError

from .common import TrainingCase


class TestTrainingAccess(TrainingCase):
    """R8 access: trainers manage courses, sessions and results; agents read courses and only their own results;
    leaders and supervisors their teams' results; directors everything."""

    @classmethod
    def setUpClass(cls):
        super(TestTrainingAccess, cls).setUpClass()
        cls.session = cls.Session.create({
            'course_id': cls.skills.id, 'date_start': '2026-03-10 01:00:00', 'date_end': '2026-03-10 03:00:00',
            'attendance_ids': [(0, 0, {'employee_id': employee.id}) for employee in (
                cls.agent | cls.agent2 | cls.outsider)]})
        cls.line = {line.employee_id: line for line in cls.session.attendance_ids}

    def visible_employees(self, user, model='cs.training.attendance'):
        lines = self.env[model].sudo(user).search([('employee_id', 'in', (self.agent | self.agent2 | self.outsider).ids)])
        return lines.mapped('employee_id')

    def test_trainer_manages_courses_sessions_and_results(self):
        course = self.env['cs.training.course'].sudo(self.trainer).create({'name': '现场管理', 'category': 'key_skills'})
        course.write({'method': 'on_the_job'})
        self.session.sudo(self.trainer).action_schedule()
        self.line[self.agent].sudo(self.trainer).write({'presence': 'present'})
        self.assertEqual(self.visible_employees(self.trainer), self.agent | self.agent2 | self.outsider)

    def test_agent_reads_courses_and_only_own_results(self):
        self.assertTrue(self.env['cs.training.course'].sudo(self.agent_user).search([('id', '=', self.skills.id)]))
        self.assertEqual(self.visible_employees(self.agent_user), self.agent)
        with self.assertRaises(AccessError):
            self.line[self.agent2].sudo(self.agent_user).read(['exam_score'])
        with self.assertRaises(AccessError):
            self.line[self.agent].sudo(self.agent_user).write({'exam_score': 100})
        with self.assertRaises(AccessError):
            self.env['cs.training.course'].sudo(self.agent_user).create({'name': '自建课程'})
        with self.assertRaises(AccessError):
            self.skills.sudo(self.agent_user).write({'pass_mark': 10})
        with self.assertRaises(AccessError):
            self.session.sudo(self.agent_user).write({'name': '改名'})
        with self.assertRaises(AccessError):
            self.env['cs.training.session'].sudo(self.agent_user).create({'course_id': self.skills.id})

    def test_leader_and_supervisor_read_their_teams_results_only(self):
        # 李娜 and 王磊 are in the team led by 陈班长 and supervised by 刘主管; 赵强 is in another team.
        for user in (self.leader, self.supervisor):
            self.assertEqual(self.visible_employees(user), self.agent | self.agent2)
            with self.assertRaises(AccessError):
                self.line[self.outsider].sudo(user).read(['exam_score'])
            with self.assertRaises(AccessError):
                self.line[self.agent].sudo(user).write({'exam_score': 100})
            with self.assertRaises(AccessError):
                self.skills.sudo(user).write({'pass_mark': 60})

    def test_director_sees_everything(self):
        self.assertEqual(self.visible_employees(self.director), self.agent | self.agent2 | self.outsider)

    def test_analysis_follows_the_same_rules(self):
        self.session.action_schedule()
        self.session.action_start()
        self.session.action_evaluate()
        self.assertEqual(self.visible_employees(self.agent_user, 'cs.training.report'), self.agent)
        self.assertEqual(self.visible_employees(self.supervisor, 'cs.training.report'), self.agent | self.agent2)
        self.assertEqual(self.visible_employees(self.trainer, 'cs.training.report'),
                         self.agent | self.agent2 | self.outsider)
