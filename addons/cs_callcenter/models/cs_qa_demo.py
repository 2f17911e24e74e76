"""Demo quality inspection: last month's plans, their reviews in every state, one appeal, one calibration
session and coaching notes. Called from the demo data and, on a database installed before, from the
post-migration ``migrations/11.0.1.3.0/post-qa-demo.py``."""
import random
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CsCallcenterDemo(models.AbstractModel):
    _inherit = 'cs.callcenter.demo'

    @api.model
    def _generate_qa(self, seed=20261202):
        """Review about 90 % of last month's samples; a second run adds nothing."""
        env = self.env(context=dict(self.env.context, tracking_disable=True, mail_notrack=True))
        form = env.ref('cs_callcenter.cs_qa_form_default', raise_if_not_found=False)
        inspector = env.ref('cs_helpdesk.user_inspector', raise_if_not_found=False)
        agent = env.ref('cs_helpdesk.user_agent', raise_if_not_found=False)
        if not (form and inspector) or env['cs.qa.review'].search_count([]):
            return False
        rng = random.Random(seed)
        month = fields.Date.to_string(date.today().replace(day=1) - relativedelta(months=1))
        Plan = env['cs.qa.plan']
        Plan.generate(month)
        Review = env['cs.qa.review']
        appealed = False
        for plan in Plan.search([('date_from', '=', month)], order='user_id'):
            for call in plan.sample_call_ids:
                if rng.random() > 0.9:
                    continue  # left for the inspector
                lines = []
                for criterion in form.criterion_ids:
                    points = criterion.weight
                    if rng.random() < 0.3:
                        points = max(0, criterion.weight - rng.randint(1, int(criterion.weight // 2) or 1))
                    failed = criterion.fatal and rng.random() < 0.03
                    lines.append((0, 0, {'criterion_id': criterion.id, 'points': points, 'failed': failed}))
                review = Review.create({'call_id': call.id, 'inspector_id': inspector.id, 'form_id': form.id,
                                        'line_ids': lines})
                review.action_done()
                if plan.user_id == agent and not appealed:
                    review.sudo(agent).action_appeal('客户先挂断了电话,结束语来不及说完,申请复核。')
                    appealed = True
                elif rng.random() < 0.7:
                    review.sudo(plan.user_id).action_acknowledge()
                    if rng.random() < 0.6:
                        review.action_final()
        self._generate_qa_calibration(env, form, inspector)
        self._generate_qa_coaching(env, agent, inspector)
        return True

    def _generate_qa_calibration(self, env, form, inspector):
        """The inspector, the supervisor and the director score the same call."""
        review = env['cs.qa.review'].search([('inspector_id', '=', inspector.id), ('state', '=', 'done')],
                                            order='id', limit=1)
        if not review:
            return
        calibration = env['cs.qa.calibration'].create({'name': '月度质检校准会', 'call_id': review.call_id.id})
        review.calibration_id = calibration
        others = [env.ref('cs_helpdesk.user_supervisor', raise_if_not_found=False),
                  env.ref('cs_helpdesk.user_director', raise_if_not_found=False)]
        for index, user in enumerate(user for user in others if user):
            lines = [(0, 0, {'criterion_id': line.criterion_id.id, 'points': max(0, line.points - 2 * index - 1)})
                     for line in review.line_ids]
            env['cs.qa.review'].create({'call_id': review.call_id.id, 'inspector_id': user.id, 'form_id': form.id,
                                        'line_ids': lines, 'calibration_id': calibration.id}).action_done()

    def _generate_qa_coaching(self, env, agent, inspector):
        review = env['cs.qa.review'].search([('agent_id', '=', agent.id)], order='score, id', limit=1)
        if review:
            env['cs.qa.coaching'].create({
                'user_id': agent.id, 'review_id': review.id, 'coach_id': inspector.id,
                'goal': '每通电话使用标准开头语和结束语,质检得分稳定在 90 分以上。',
                'gap': '本月抽检中结束语缺失两次,业务流程讲解不够完整。',
                'plan': '每天班前朗读标准话术;组长每周旁听两通电话并反馈;下月复检。'})
