"""Quality inspection (PRODUCT.md C7): forms, reviews and their states, rights, the monthly plan, calibration,
coaching and the QC completion report."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import CallCenterCase


class QaCase(CallCenterCase):
    """A form of three criteria, A 50 (fatal) + B 30 + C 20 = 100, and answered calls of agent_a in March 2024."""

    @classmethod
    def setUpClass(cls):
        super(QaCase, cls).setUpClass()
        cls.trainer = cls._make_user('t_trainer', '钱芳', 'group_cs_trainer')
        cls.form = cls.env['cs.qa.form'].create({'name': 'Test form', 'criterion_ids': [
            (0, 0, {'name': 'A', 'weight': 50, 'fatal': True, 'sequence': 1}),
            (0, 0, {'name': 'B', 'weight': 30, 'sequence': 2}),
            (0, 0, {'name': 'C', 'weight': 20, 'sequence': 3})]})
        cls.crit_a, cls.crit_b, cls.crit_c = cls.form.criterion_ids
        cls.env.user.company_id.cs_qa_sample_percent = 5
        cls.calls = cls.env['cs.call']
        for index in range(30):
            cls.calls |= cls._call('t-qa-%02d' % index, '2024-03-%02d 02:00:00' % (index % 28 + 1))
        # Not manually answered, or not in March: outside the plan.
        cls._call('t-qa-out', '2024-03-05 02:00:00', direction='out')
        cls._call('t-qa-abandoned', '2024-03-05 03:00:00', status='abandoned')
        cls._call('t-qa-april', '2024-04-01 02:00:00')
        cls.call = cls.calls[0]

    @classmethod
    def _call(cls, uid, start, agent=None, direction='in', status='answered'):
        return cls.env['cs.call'].create({
            'call_uid': uid, 'direction': direction, 'status': status, 'queue_id': cls.queue_a.id,
            'agent_id': (agent or cls.agent_a).id, 'talk_seconds': 60, 'date_start': start})

    def review(self, inspector=None, points=(50, 30, 20), failed=(False, False, False), call=None):
        lines = [(0, 0, {'criterion_id': criterion.id, 'points': value, 'failed': fail})
                 for criterion, value, fail in zip(self.form.criterion_ids, points, failed)]
        return self.env['cs.qa.review'].sudo(inspector or self.inspector).create({
            'call_id': (call or self.call).id, 'form_id': self.form.id, 'line_ids': lines})


class TestQaForm(QaCase):

    def test_weights_must_total_100(self):
        # 60 + 30 = 90: refused, naming the form.
        with self.assertRaisesRegex(ValidationError, 'Short form.*total 90'):
            self.env['cs.qa.form'].create({'name': 'Short form', 'criterion_ids': [
                (0, 0, {'name': 'X', 'weight': 60}), (0, 0, {'name': 'Y', 'weight': 30})]})
        with self.assertRaisesRegex(ValidationError, 'Test form.*total 110'):
            self.crit_c.weight = 30  # 50 + 30 + 30 = 110

    def test_default_form_holds_the_scripts_and_totals_100(self):
        form = self.env.ref('cs_callcenter.cs_qa_form_default')
        self.assertEqual(sum(form.criterion_ids.mapped('weight')), 100)
        descriptions = ' '.join(form.criterion_ids.mapped('description'))
        self.assertIn('您好,这里是…客服中心,很高兴为您服务', descriptions)
        self.assertIn('感谢您对我的信任,祝您生活愉快', descriptions)
        self.assertTrue(form.criterion_ids.filtered('fatal'))


class TestQaReview(QaCase):

    def test_new_review_starts_at_full_marks(self):
        review = self.env['cs.qa.review'].sudo(self.inspector).create({'call_id': self.call.id,
                                                                        'form_id': self.form.id})
        # One line per criterion at its weight: 50 + 30 + 20 = 100; the agent is the call's.
        self.assertEqual(review.score, 100)
        self.assertEqual(review.agent_id, self.agent_a)
        self.assertEqual(review.inspector_id, self.inspector)

    def test_score_is_the_sum_or_zero_on_a_fatal_failure(self):
        review = self.review(points=(45, 30, 10))
        self.assertEqual(review.score, 85)  # 45 + 30 + 10
        review.line_ids[2].failed = True  # C is not fatal: still 85
        self.assertEqual(review.score, 85)
        review.line_ids[0].failed = True  # A is fatal: 0
        self.assertEqual(review.score, 0)
        self.assertTrue(review.fatal_failed)

    def test_points_above_the_weight_are_refused_naming_review_and_criterion(self):
        review = self.review(points=(45, 30, 10))
        with self.assertRaisesRegex(ValidationError, 'criterion "B": 31.0 points are outside 0 to 30'):
            with self.env.cr.savepoint():
                review.line_ids[1].sudo(self.inspector).points = 31
        review.invalidate_cache()
        self.assertEqual(review.line_ids[1].points, 30)  # nothing written
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                review.line_ids[2].points = -1

    def test_states_and_who_may_move_them(self):
        review = self.review(points=(45, 30, 10))
        with self.assertRaises(AccessError):
            review.sudo(self.agent_a).action_done()  # agents do not score
        review.sudo(self.inspector).action_done()
        self.assertEqual(review.state, 'done')
        with self.assertRaisesRegex(UserError, 'no longer a draft'):
            review.line_ids[0].sudo(self.inspector).points = 40  # the score is frozen once done
        with self.assertRaises(AccessError):
            review.sudo(self.agent_a2).action_acknowledge()  # not their call
        with self.assertRaises(AccessError):
            review.sudo(self.inspector).action_appeal('不同意')  # only the reviewed agent appeals
        with self.assertRaises(UserError):
            review.sudo(self.agent_a).action_appeal(' ')  # a reason is needed
        with self.assertRaises(AccessError):
            review.sudo(self.agent_a).action_final()  # inspector or above only
        review.sudo(self.agent_a).action_appeal('客户先挂断')
        self.assertEqual((review.state, review.appeal_reason), ('appealed', '客户先挂断'))
        with self.assertRaises(UserError):
            review.sudo(self.agent_a).action_acknowledge()  # from done only
        with self.assertRaises(AccessError):
            review.sudo(self.leader_a).action_final()
        review.sudo(self.supervisor).action_final()
        self.assertEqual(review.state, 'final')
        # Final: nobody changes it, not even the superuser, nor deletes it.
        for user in (self.inspector, self.director):
            with self.assertRaisesRegex(UserError, 'is final'):
                review.sudo(user).write({'comment': 'x'})
        with self.assertRaisesRegex(UserError, 'is final'):
            review.sudo().write({'state': 'done'})
        with self.assertRaises(UserError):
            review.sudo().unlink()
        with self.assertRaises(UserError):
            review.line_ids[0].sudo().points = 1

    def test_acknowledge_then_final(self):
        review = self.review()
        review.sudo(self.inspector).action_done()
        review.sudo(self.agent_a).action_acknowledge()
        self.assertEqual(review.state, 'acknowledged')
        review.sudo(self.inspector).action_final()
        self.assertEqual(review.state, 'final')

    @mute_logger('odoo.models')
    def test_who_sees_and_creates_reviews(self):
        review = self.review()
        call_b = self._call('t-qa-b', '2024-03-03 02:00:00', agent=self.agent_b)
        review_b = self.review(call=call_b)
        Review = self.env['cs.qa.review']
        both = review | review_b
        self.assertEqual(Review.sudo(self.agent_a).search([('id', 'in', both.ids)]), review)
        self.assertEqual(Review.sudo(self.agent_b).search([('id', 'in', both.ids)]), review_b)
        self.assertFalse(Review.sudo(self.agent_a2).search([('id', 'in', both.ids)]))
        self.assertFalse(Review.sudo(self.trainer).search([('id', 'in', both.ids)]))
        # Leaders see the reviews of the agents of the teams they lead (A: agent_a; B: agent_b), not others'.
        self.assertEqual(Review.sudo(self.leader_a).search([('id', 'in', both.ids)]), review)
        self.assertEqual(Review.sudo(self.leader_b).search([('id', 'in', both.ids)]), review_b)
        self.assertEqual(self.env['cs.qa.review.line'].sudo(self.leader_a).search(
            [('review_id', 'in', both.ids)]), review.line_ids)
        with self.assertRaises(AccessError):
            review.sudo(self.leader_a).write({'comment': 'not theirs to score'})
        for user in (self.inspector, self.supervisor, self.director):
            self.assertEqual(Review.sudo(user).search([('id', 'in', both.ids)]), both)
        with self.assertRaises(AccessError):
            review_b.sudo(self.agent_a).read(['score'])
        with self.assertRaises(AccessError):
            Review.sudo(self.agent_a).create({'call_id': self.call.id, 'form_id': self.form.id})
        with self.assertRaises(AccessError):
            review.sudo(self.agent_a).write({'comment': 'mine'})
        with self.assertRaises(AccessError):
            self.env['cs.qa.calibration'].sudo(self.agent_a).search([])

    def test_coaching_notes_are_seen_by_their_agent(self):
        review = self.review(points=(45, 30, 10))
        note = self.env['cs.qa.coaching'].sudo(self.inspector).create({
            'user_id': self.agent_a.id, 'review_id': review.id, 'goal': '90 分以上', 'gap': '结束语缺失',
            'plan': '班前朗读话术'})
        self.assertEqual(review.coaching_ids, note)
        self.assertEqual(self.env['cs.qa.coaching'].sudo(self.agent_a).search([('id', '=', note.id)]), note)
        self.assertFalse(self.env['cs.qa.coaching'].sudo(self.agent_a2).search([('id', '=', note.id)]))
        with self.assertRaises(AccessError):
            note.sudo(self.agent_a).write({'plan': 'x'})


class TestQaPlan(QaCase):

    def test_plan_sample_and_completion(self):
        Plan = self.env['cs.qa.plan'].sudo(self.inspector)
        self.assertEqual(Plan.generate('2024-03-17'), 1)  # only agent_a answered calls in March 2024
        plan = Plan.search([('user_id', '=', self.agent_a.id), ('date_from', '=', '2024-03-01')])
        # 30 inbound answered calls (the outbound, the abandoned and the April call do not count);
        # 30 × 5 / 100 = 1.5 → 2 planned.
        self.assertEqual((plan.answered_count, plan.planned), (30, 2))
        sample = plan.sample_call_ids
        self.assertEqual(len(sample), 2)
        self.assertTrue(sample <= self.calls)
        Plan.generate('2024-03-01')
        self.assertEqual(plan.sample_call_ids, sample)  # the same sample on every run
        self.assertEqual(Plan.search_count([('user_id', '=', self.agent_a.id)]), 1)
        # One review done, one draft: 1 done / 2 planned = 50 %.
        self.review(call=sample[0]).sudo(self.inspector).action_done()
        self.review(call=sample[1])
        plan.invalidate_cache()
        self.assertEqual((plan.done_count, plan.completion_rate), (1, 50.0))
        # The SQL report says the same for March 2024.
        report = self.env['cs.qa.completion.report'].search([('user_id', '=', self.agent_a.id),
                                                             ('date_from', '=', '2024-03-01')])
        self.assertEqual((report.answered_count, report.planned, report.done_count, report.completion_rate),
                         (30, 2, 1, 50.0))
        # A company share of 10 %: 30 × 10 / 100 = 3 planned.
        self.env.user.company_id.cs_qa_sample_percent = 10
        Plan.generate('2024-03-01')
        self.assertEqual(plan.planned, 3)

    def test_my_sample_lists_unreviewed_sample_calls(self):
        action = self.env['cs.qa.plan'].sudo(self.inspector).action_my_sample()
        self.assertEqual(action['res_model'], 'cs.call')
        call = self.calls[1]
        action = call.sudo(self.inspector).action_qa_review()
        review = self.env['cs.qa.review'].browse(action['res_id'])
        self.assertEqual((review.call_id, review.inspector_id), (call, self.inspector))
        # A second click opens the same review.
        self.assertEqual(call.sudo(self.inspector).action_qa_review()['res_id'], review.id)

    def test_refusals(self):
        with self.assertRaises(AccessError):
            self.env['cs.qa.plan'].sudo(self.agent_a).generate('2024-03-01')
        with self.assertRaises(AccessError):
            self.env['cs.qa.plan'].sudo(self.leader_a).action_my_sample()
        with self.assertRaises(AccessError):
            self.call.sudo(self.agent_a).action_qa_review()
        with self.assertRaisesRegex(UserError, 'not a date'):
            self.env['cs.qa.plan'].sudo(self.inspector).generate('March')


class TestQaCalibration(QaCase):

    def test_spread_mean_and_deviations(self):
        # Three inspectors on one call: 80, 90, 95 → spread 15, mean 88.33; deviations −8.33, +1.67, +6.67.
        reviews = (self.review(self.inspector, (40, 20, 20)) | self.review(self.supervisor, (50, 20, 20))
                   | self.review(self.director, (50, 30, 15)))
        calibration = self.env['cs.qa.calibration'].sudo(self.inspector).create({
            'name': '校准', 'call_id': self.call.id, 'review_ids': [(6, 0, reviews.ids)]})
        self.assertEqual((calibration.score_min, calibration.score_max, calibration.spread), (80, 95, 15))
        self.assertAlmostEqual(calibration.score_mean, 88.333, places=2)
        self.assertEqual([round(deviation, 2) for deviation in reviews.mapped('calibration_deviation')],
                         [-8.33, 1.67, 6.67])
