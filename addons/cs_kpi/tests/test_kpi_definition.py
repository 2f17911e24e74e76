import io
import os

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger
from odoo.tools.translate import PoFile

PO_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'i18n', 'zh_CN.po')


class TestKpiDefinition(TransactionCase):
    """The 18 default KPIs of K2 score the seeds' figures; rights and constraints hold."""

    def setUp(self):
        super(TestKpiDefinition, self).setUp()
        self.Definition = self.env['cs.kpi.definition']

    def kpi(self, code):
        definition = self.Definition.search([('code', '=', code)])
        self.assertEqual(len(definition), 1, 'default KPI %s is missing' % code)
        return definition

    def test_the_18_defaults_are_in_k2_order_and_weigh_100(self):
        codes = [
            'calls_answered', 'manual_answer_rate', 'evaluation_rate', 'valid_evaluation_rate',
            'satisfaction_rate', 'response_time', 'repair_visit_rate', 'effective_visit_rate',
            'complaints', 'qc_completion', 'complaint_timeliness', 'report_accuracy', 'suggestions',
            'training_attendance', 'monthly_exam', 'attendance', 'execution', 'sales_completion',
        ]
        definitions = self.Definition.search([('code', 'in', codes)])
        self.assertEqual(definitions.mapped('code'), codes)
        self.assertEqual(sum(definitions.mapped('weight')), 100)

    def test_calls_answered_is_relative_to_the_best_agent(self):
        # 100 × 960 / 1200 = 80
        self.assertEqual(self.kpi('calls_answered').score(960, best=1200), 80)
        # 100 × 480 / 1200 = 40 -> floor 70
        self.assertEqual(self.kpi('calls_answered').score(480, best=1200), 70)
        with self.assertRaises(UserError):
            self.kpi('calls_answered').score(960)

    def test_manual_answer_rate(self):
        # 95 % target: 92.4 % is 2.6 below -> 2 full points -> 98; 97 % -> +2 -> 102
        self.assertEqual(self.kpi('manual_answer_rate').score(92.4), 98)
        self.assertEqual(self.kpi('manual_answer_rate').score(97), 102)

    def test_evaluation_rate(self):
        # 60 % target, ∓2 per 2 %: 55 % -> 5 below -> 2 steps -> 96; 64 % -> 2 steps -> 104
        self.assertEqual(self.kpi('evaluation_rate').score(55), 96)
        self.assertEqual(self.kpi('evaluation_rate').score(64), 104)

    def test_valid_evaluation_rate(self):
        # 30 % target, ∓1 per 2 %: 24 % -> 3 steps -> 97; 33 % -> 1 step -> 101
        self.assertEqual(self.kpi('valid_evaluation_rate').score(24), 97)
        self.assertEqual(self.kpi('valid_evaluation_rate').score(33), 101)

    def test_satisfaction_rate(self):
        # 98 % target, ∓1 per 1 %: 93 % -> -5 -> 95; 99.5 % -> 1 full step -> 101
        self.assertEqual(self.kpi('satisfaction_rate').score(93), 95)
        self.assertEqual(self.kpi('satisfaction_rate').score(99.5), 101)

    def test_response_time_lower_is_better(self):
        # 8 s target: 12 s is 4 s slower -> -8 -> 92; 6 s is 2 s faster -> +4 -> 104
        self.assertEqual(self.kpi('response_time').score(12), 92)
        self.assertEqual(self.kpi('response_time').score(6), 104)

    def test_repair_visit_rate_flat_bonus(self):
        # 99 % target: 97 % -> 2 below × 2 -> 96; 100 % -> flat +1 -> 101
        self.assertEqual(self.kpi('repair_visit_rate').score(97), 96)
        self.assertEqual(self.kpi('repair_visit_rate').score(100), 101)

    def test_effective_visit_rate(self):
        # 80 % target: 74 % -> 6 below = 3 steps of 2 × 2 -> 94; 91 % -> 11 above = 2 steps of 5 × 2 -> 104
        self.assertEqual(self.kpi('effective_visit_rate').score(74), 94)
        self.assertEqual(self.kpi('effective_visit_rate').score(91), 104)

    def test_complaints_weighted_by_level(self):
        complaints = self.kpi('complaints')
        # one 96123 (3) + one city (5) + one provincial (8) = 16 points -> 84
        points = complaints.complaint_points({'hotline': 1, 'city': 1, 'province': 1})
        self.assertEqual(points, 16)
        self.assertEqual(complaints.score(points), 84)
        # four provincial complaints = 32 points -> 68 -> floor 70 (cap -30)
        self.assertEqual(complaints.score(complaints.complaint_points({'province': 4})), 70)

    def test_qc_completion(self):
        # 96 % target, ∓2 per 1 %: 90 % -> 6 × 2 -> 88; 98 % -> +4 -> 104
        self.assertEqual(self.kpi('qc_completion').score(90), 88)
        self.assertEqual(self.kpi('qc_completion').score(98), 104)

    def test_complaint_timeliness(self):
        # 95 % target, ∓2 per 1 %: 80 % -> 15 × 2 = 30 -> 70; 70 % -> 50 -> floor 70
        self.assertEqual(self.kpi('complaint_timeliness').score(80), 70)
        self.assertEqual(self.kpi('complaint_timeliness').score(70), 70)
        self.assertEqual(self.kpi('complaint_timeliness').score(94), 98)

    def test_report_accuracy(self):
        # 3 errors × -2 -> 94
        self.assertEqual(self.kpi('report_accuracy').score(3), 94)

    def test_suggestions(self):
        # 2 adopted suggestions × +2 -> 104
        self.assertEqual(self.kpi('suggestions').score(2), 104)
        self.assertEqual(self.kpi('suggestions').score(0), 100)

    def test_training_attendance(self):
        # 100 × rate, then bands; floor 0 so the seeds' -30 below 50 % applies in full
        self.assertEqual(self.kpi('training_attendance').score(90), 90)
        self.assertEqual(self.kpi('training_attendance').score(65), 55)   # 65 - 10
        self.assertEqual(self.kpi('training_attendance').score(45), 15)   # 45 - 30

    def test_monthly_exam(self):
        self.assertEqual(self.kpi('monthly_exam').score(88), 100)
        self.assertEqual(self.kpi('monthly_exam').score(70), 95)
        self.assertEqual(self.kpi('monthly_exam').score(55), 90)

    def test_attendance(self):
        # 2 absences × -5 -> 90; 7 absences -> 65 -> floor 70
        self.assertEqual(self.kpi('attendance').score(2), 90)
        self.assertEqual(self.kpi('attendance').score(7), 70)

    def test_execution_deducts_at_most_20(self):
        # 90 of 100 points -> 90; 70 of 100 -> 70 -> floor 80
        self.assertEqual(self.kpi('execution').score(90), 90)
        self.assertEqual(self.kpi('execution').score(70), 80)

    def test_sales_completion(self):
        self.assertEqual(self.kpi('sales_completion').score(75), 100)
        self.assertEqual(self.kpi('sales_completion').score(50), 80)

    def test_the_floor_is_read_from_the_definition(self):
        satisfaction = self.kpi('satisfaction_rate')
        # 98 - 50 = 48 steps -> 52 -> floor 70, then with floor 60 -> 60
        self.assertEqual(satisfaction.score(50), 70)
        satisfaction.floor = 60
        self.assertEqual(satisfaction.score(50), 60)

    def test_editing_a_default_changes_its_score(self):
        manual = self.kpi('manual_answer_rate')
        manual.write({'target': 90, 'points_below': 3})
        # 90 - 88 = 2 steps × 3 -> 94
        self.assertEqual(manual.score(88), 94)

    def test_constraints_explain_what_to_fix(self):
        with self.assertRaises(ValidationError):
            self.kpi('manual_answer_rate').step = 0
        with self.assertRaises(ValidationError):
            self.kpi('manual_answer_rate').weight = -1
        with self.assertRaises(ValidationError):
            self.kpi('manual_answer_rate').floor = 101

    def test_codes_are_unique(self):
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'):
            with self.env.cr.savepoint():
                self.Definition.create({'code': 'complaints', 'name': 'Complaints again'})

    def test_a_bands_kpi_without_bands_asks_for_one(self):
        definition = self.Definition.create({'code': 'test_empty_bands', 'name': 'No Bands',
                                             'rule_kind': 'bands'})
        with self.assertRaises(UserError):
            definition.score(50)

    def make_user(self, login, name, group):
        return self.env['res.users'].with_context(no_reset_password=True).create({
            'login': login, 'name': name, 'email': '%s@example.com' % login,
            'groups_id': [(6, 0, [self.env.ref('cs_helpdesk.%s' % group).id])],
        })

    def test_an_agent_reads_but_cannot_write_a_definition(self):
        agent = self.make_user('t_kpi_agent', '陈静', 'group_cs_agent')
        definition = self.kpi('attendance').sudo(agent)
        self.assertEqual(definition.score(1), 95)
        with self.assertRaises(AccessError):
            definition.write({'points_below': 1})
        with self.assertRaises(AccessError):
            self.Definition.sudo(agent).create({'code': 'agent_kpi', 'name': 'Mine'})

    def test_a_director_can_write_a_definition(self):
        director = self.make_user('t_kpi_director', '孙丽', 'group_cs_director')
        self.kpi('attendance').sudo(director).write({'points_below': 4})
        self.assertEqual(self.kpi('attendance').score(1), 96)

    def test_supervisors_see_the_menu_read_only_and_agents_do_not_see_it(self):
        menu = self.env.ref('cs_kpi.cs_kpi_definition_menu')
        supervisor = self.make_user('t_kpi_supervisor', '刘洋', 'group_cs_supervisor')
        agent = self.make_user('t_kpi_agent', '陈静', 'group_cs_agent')
        Menu = self.env['ir.ui.menu']
        self.assertIn(menu.id, Menu.sudo(supervisor)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.sudo(agent)._visible_menu_ids())
        with self.assertRaises(AccessError):
            self.kpi('attendance').sudo(supervisor).write({'weight': 10})

    def test_every_term_of_the_po_is_translated(self):
        with io.open(PO_PATH, 'rb') as po_file:
            untranslated = [source for _type, _name, _res_id, source, translation, _comments in PoFile(po_file)
                            if not translation]
        self.assertEqual(untranslated, [])

    def test_the_defaults_read_in_chinese(self):
        if not self.env['res.lang'].search([('code', '=', 'zh_CN')]):
            self.skipTest('zh_CN is not loaded in this database')
        complaints = self.kpi('complaints').with_context(lang='zh_CN')
        self.assertEqual(complaints.name, '客户投诉')
        self.assertEqual(self.kpi('response_time').with_context(lang='zh_CN').name, '来电响应时间')
