"""Demo campaigns: one running for a month with a few hundred attempts, one whose low-success alert is on."""
import random
from datetime import datetime, timedelta

from odoo import api, fields, models

from odoo.addons.cs_helpdesk.models.cs_helpdesk_demo import MOBILE_PREFIXES

from ..services import dialler_outcomes

CHINA_OFFSET = timedelta(hours=8)
# Shares of the outcomes of a telemarketing list (connect rate about 55 %, success about 12 % of connected).
RUNNING_WEIGHTS = {'empty_number': 3, 'wrong_number': 2, 'busy': 10, 'switched_off': 8, 'no_answer': 22,
                   'connected': 14, 'success': 7, 'refused': 26, 'callback': 8}
# A list that does not sell: nobody buys.
FAILING_WEIGHTS = {'empty_number': 2, 'wrong_number': 2, 'busy': 8, 'switched_off': 6, 'no_answer': 20,
                   'connected': 22, 'success': 0, 'refused': 40, 'callback': 0}

SCRIPTS = [
    ('通用话术', False, False,
     '您好,这里是客服中心,很高兴为您服务。我们正在推出宽带提速优惠,现在升级到 500M 每月只需加 20 元,请问您感兴趣吗?'),
    ('女士话术', 'female', False,
     '您好女士,这里是客服中心,很高兴为您服务。家里上网课、追剧更流畅:宽带升级 500M 每月只加 20 元,首月免费体验。'),
    ('青年男士话术', 'male', '20_29',
     '您好先生,这里是客服中心,很高兴为您服务。打游戏、看直播不卡顿:宽带升级 500M 每月只加 20 元,延迟更低。'),
]


class CsCampaignDemo(models.AbstractModel):
    _name = 'cs.campaign.demo'
    _description = 'Campaign Demo Data Generator'

    @api.model
    def _generate(self, seed=20261202):
        """Create the two demo campaigns with their contacts and attempts; a second run adds nothing."""
        # No English creation and tracking messages in the chatter of the demo (they are not translated later).
        self = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
        Campaign = self.env['cs.campaign']
        ref = lambda xmlid: self.env.ref(xmlid, raise_if_not_found=False)
        agents = [ref('cs_helpdesk.user_agent'), ref('cs_helpdesk.user_agent2'), ref('cs_helpdesk.user_agent3')]
        leader, leader2 = ref('cs_helpdesk.user_leader'), ref('cs_helpdesk.user_leader2')
        if not all(agents) or not leader or Campaign.search([('name', '=', '宽带提速套餐外呼')], limit=1):
            return False
        rng = random.Random(seed)
        customers = self.env['res.partner'].search([('customer', '=', True), ('cs_mobile_e164', '!=', False)])
        for partner in customers[:2]:
            self.env['cs.dnc'].create({'phone': partner.cs_mobile_e164, 'reason': '客户要求不再接收营销电话'})
        running = Campaign.create({
            'name': '宽带提速套餐外呼', 'user_id': leader.id, 'state': 'running',
            'date_start': fields.Date.to_string((datetime.utcnow() - timedelta(days=30)).date()), 'team_id': ref('cs_helpdesk.team_hotline_1').id,
            'agent_ids': [(6, 0, [agent.id for agent in agents])],
            'partner_domain': "[('customer', '=', True)]",
            'script_ids': [(0, 0, {'name': name, 'gender': gender, 'age_band': band, 'body': body, 'sequence': index})
                           for index, (name, gender, band, body) in enumerate(SCRIPTS)],
        })
        running._generate_contacts()
        self._import_numbers(rng, running, 300)
        self._simulate(rng, running, agents, RUNNING_WEIGHTS, attempts=420, days=30)
        failing_agents = [ref('cs_helpdesk.user_agent5') or agents[0], ref('cs_helpdesk.user_agent6') or agents[1]]
        failing = Campaign.create({
            'name': '信用卡分期推广', 'user_id': (leader2 or leader).id, 'state': 'running',
            'date_start': fields.Date.to_string((datetime.utcnow() - timedelta(days=14)).date()),
            'team_id': (ref('cs_helpdesk.team_repair') or ref('cs_helpdesk.team_hotline_1')).id,
            'agent_ids': [(6, 0, [agent.id for agent in failing_agents])],
            'partner_domain': "[('customer', '=', True), ('cs_age_band', 'in', ('30_39', '40_49', '50_59'))]",
            'script_ids': [(0, 0, {'name': '分期推广话术', 'body': '您好,这里是客服中心,很高兴为您服务。'
                                   '您的信用卡可以办理 12 期免息分期,手续费全免,请问需要为您办理吗?'})],
        })
        failing._generate_contacts()
        self._import_numbers(rng, failing, 150)
        self._simulate(rng, failing, failing_agents, FAILING_WEIGHTS, attempts=170, days=14)
        return True

    @api.model
    def _import_numbers(self, rng, campaign, count):
        """Add ``count`` bought-list numbers (no customer file yet), as an import of a CSV list does."""
        Contact = self.env['cs.campaign.contact']
        for _index in range(count):
            number = '+86' + rng.choice(MOBILE_PREFIXES) + ''.join(str(rng.randint(0, 9)) for _ in range(8))
            if number in campaign.contact_ids.mapped('phone'):
                continue
            Contact.create({'campaign_id': campaign.id, 'phone': number})

    @api.model
    def _simulate(self, rng, campaign, agents, weights, attempts, days):
        """Dial the campaign's contacts over the last ``days`` days, working hours (local), through the same
        outcome rules as the agents' dialog; then count the figures once."""
        reasons = self.env['cs.campaign.refusal.reason'].search([])
        outcomes = [outcome for outcome in weights if weights[outcome]]
        now = datetime.utcnow().replace(microsecond=0)
        Attempt = self.env['cs.campaign.attempt']
        contacts = list(campaign.contact_ids)
        rng.shuffle(contacts)
        made = 0
        for contact in contacts * campaign.max_attempts:
            if made >= attempts:
                break
            if contact.state not in ('pending', 'callback'):
                continue
            agent = contact.user_id or agents[rng.randrange(len(agents))]
            outcome = rng.choices(outcomes, weights=[weights[outcome] for outcome in outcomes])[0]
            local = now + CHINA_OFFSET - timedelta(days=rng.randint(0, days - 1))
            local = local.replace(hour=rng.choice(range(9, 21)), minute=rng.randint(0, 59), second=rng.randint(0, 59))
            when = min(local - CHINA_OFFSET, now)
            callback_date = fields.Date.to_string((when + timedelta(days=rng.randint(1, 5))).date())
            count = contact.attempt_count + 1
            state = dialler_outcomes.next_state(outcome, count, campaign.max_attempts, callback_date)
            Attempt.create({
                'contact_id': contact.id, 'campaign_id': campaign.id, 'user_id': agent.id, 'outcome': outcome,
                'date': fields.Datetime.to_string(when),
                'refusal_reason_id': reasons[rng.randrange(len(reasons))].id if outcome == 'refused' and reasons
                else False,
            })
            contact.write({'state': state, 'attempt_count': count, 'last_outcome': outcome, 'user_id': agent.id,
                           'callback_date': callback_date if state == 'callback' else False})
            made += 1
        for contact in campaign.contact_ids.filtered(lambda contact: contact.state == 'callback'):
            contact._schedule_callback_activity(contact.user_id, contact.callback_date, '客户约定时间回拨')
        campaign._refresh_figures()
