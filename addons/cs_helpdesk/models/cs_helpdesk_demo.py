"""Realistic demo data for the helpdesk: customers of a cable-TV and broadband operator and a few hundred
work orders over the last 90 days, in every type, channel and stage. Loaded from demo/cs_helpdesk_demo.xml.
"""
import random
from datetime import datetime, timedelta

from odoo import api, fields, models

SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'
GIVEN_NAMES = ['建国', '秀英', '桂英', '志强', '海燕', '丽华', '国庆', '玉兰', '晓东', '文静', '子涵', '浩然',
               '欣怡', '俊杰', '淑芬', '红梅', '立新', '春生', '宇航', '雨桐', '振华', '美玲', '德明', '慧敏']
DISTRICTS = [('济南市', '历下区'), ('济南市', '市中区'), ('济南市', '槐荫区'), ('济南市', '天桥区'),
             ('济南市', '历城区'), ('青岛市', '市南区'), ('青岛市', '崂山区'), ('淄博市', '张店区'),
             ('烟台市', '芝罘区'), ('潍坊市', '奎文区')]
STREETS = ['经十路', '泉城路', '解放路', '花园路', '英雄山路', '二环东路', '香港中路', '山东路', '共青团路']
OCCUPATIONS = ['教师', '公务员', '企业职员', '个体经营', '退休', '学生', '医生', '工程师', '自由职业']
MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '158',
                   '159', '186', '187', '188', '189']

SUBJECTS = {
    'consult': ['咨询宽带提速套餐资费', '咨询高清机顶盒开通条件', '咨询家庭融合套餐优惠', '咨询营业厅办公时间',
                '咨询点播节目收费标准'],
    'request': ['申请办理宽带移机', '申请开通高清频道包', '申请过户', '申请暂停收视', '申请增加副终端'],
    'complaint': ['投诉装维人员上门迟到', '投诉话务员服务态度差', '投诉宽带多次报修未解决', '投诉收费与宣传不符',
                  '投诉营业厅排队时间过长'],
    'repair': ['机顶盒无信号', '宽带无法上网', '电视画面马赛克', '遥控器失灵无法换台', '光猫指示灯红灯闪烁'],
    'query': ['查询本月账单明细', '查询账户余额', '查询报修进度', '查询套餐到期时间', '查询发票寄送情况'],
    'appointment': ['预约装机时间', '预约上门调试', '预约营业厅办理业务', '预约拆机回收设备'],
    'collection': ['欠费提醒:收视费逾期', '宽带费到期续费提醒', '分期设备款催缴'],
    'suggestion': ['建议增加少儿频道', '建议延长热线服务时间', '建议微信公众号增加缴费提醒',
                   '建议节目单提前一周公布'],
}
DESCRIPTIONS = {
    'consult': '客户来电咨询,已按知识库口径解答,客户表示需要考虑。',
    'request': '客户要求办理,已核实身份信息,需转营业部门处理。',
    'complaint': '客户情绪激动,已倾听并致歉,承诺尽快给予答复。',
    'repair': '客户反映故障,已远程指导重启设备无效,需安排上门维修。',
    'query': '客户要求查询相关信息,已核实后告知。',
    'appointment': '客户希望安排上门时间,已记录客户方便的时段。',
    'collection': '提醒客户按时缴费,客户表示近期会到营业厅缴纳。',
    'suggestion': '客户提出建议,已记录并感谢客户的支持。',
}
RESOLUTIONS = ['已电话回复客户,客户表示满意。', '维修人员上门更换设备后恢复正常。', '已按流程办理完毕并短信通知客户。',
               '已向客户解释原因并致歉,客户接受处理结果。', '已转相关部门处理完毕,回访客户确认解决。']
# Relative frequencies of the types in a hotline of this kind (enquiries and repairs dominate).
TYPE_WEIGHTS = {'consult': 30, 'request': 12, 'complaint': 8, 'repair': 25, 'query': 12, 'appointment': 6,
                'collection': 4, 'suggestion': 3}
CHANNEL_WEIGHTS = {'phone': 60, 'email': 6, 'web': 10, 'chat': 8, 'wechat': 10, 'walk_in': 4, 'letter': 2}


class CsHelpdeskDemo(models.AbstractModel):
    _name = 'cs.helpdesk.demo'
    _description = 'Helpdesk Demo Data Generator'

    @api.model
    def _generate(self, customer_count=48, ticket_count=320, days=90, seed=20261125):
        """Create ``customer_count`` customers and ``ticket_count`` work orders spread over ``days`` days.

        Deterministic for a given ``seed``. Older orders are more likely to be closed, as in a real centre.
        """
        rng = random.Random(seed)
        # The messages the process writes (routing, transfers) in the language of the demo users.
        self = self.with_context(lang=self.env['cs.demo.language']._demo_language())
        customers = self._generate_customers(rng, customer_count)
        tickets = self._generate_tickets(rng, customers, ticket_count, days)
        self._generate_visits_and_evaluations(rng, tickets)
        self.env['ir.config_parameter'].sudo().set_param('mail.catchall.domain', 'cs-demo.example.com')
        return True

    def _generate_customers(self, rng, count):
        china = self.env.ref('base.cn')
        services = self.env['cs.service'].search([('code', 'in', ('cable_tv', 'broadband', 'interactive_tv'))])
        shandong = self.env['res.country.state'].search([('country_id', '=', china.id), ('code', '=', 'SD')], limit=1)
        values = []
        used_names = set()
        while len(values) < count:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)
            if name in used_names:
                continue
            used_names.add(name)
            city, district = rng.choice(DISTRICTS)
            values.append({
                'name': name,
                'customer': True,
                'country_id': china.id,
                'state_id': shandong.id,
                'city': city,
                'street': '%s%s%d号' % (district, rng.choice(STREETS), rng.randint(1, 999)),
                'street2': '%d单元%d室' % (rng.randint(1, 6), rng.randint(101, 1802)),
                'mobile': rng.choice(MOBILE_PREFIXES) + ''.join(str(rng.randint(0, 9)) for _ in range(8)),
                'email': 'customer%03d@example.com' % len(values) if rng.random() < 0.4 else False,
                'cs_level': 'vip' if rng.random() < 0.15 else 'normal',
                'cs_gender': rng.choice(['male', 'female']),
                'cs_birth_year': rng.randint(1950, 2004),
                'cs_region': district,
                'cs_occupation': rng.choice(OCCUPATIONS),
                'cs_spend': rng.choice([360, 720, 1080, 1680, 2400, 3600]),
                'cs_service_ids': [(6, 0, rng.sample(services.ids, rng.randint(1, min(3, len(services)))))],
                'lang': 'zh_CN',
            })
        Partner = self.env['res.partner'].with_context(tracking_disable=True)
        return Partner.browse([Partner.create(vals).id for vals in values])

    def _generate_tickets(self, rng, customers, count, days):
        stages_by_kind = {}
        for stage in self.env['cs.ticket.stage'].search([]):
            stages_by_kind.setdefault(stage.kind, []).append(stage)
        types = {ticket_type.code: ticket_type for ticket_type in self.env['cs.ticket.type'].search([])}
        services = self.env['cs.service'].search([('code', 'in', ('cable_tv', 'broadband', 'interactive_tv'))])
        teams = self.env['cs.team'].search([])
        type_codes = list(TYPE_WEIGHTS)
        channels = list(CHANNEL_WEIGHTS)
        Ticket = self.env['cs.ticket'].with_context(tracking_disable=True, mail_create_nolog=True,
                                                    mail_notrack=True)
        now = datetime.now()
        dated = []
        for index in range(count):
            code = rng.choices(type_codes, weights=[TYPE_WEIGHTS[c] for c in type_codes])[0]
            team = self._team_for_type(teams, code, rng)
            agents = team.member_ids
            created = now - timedelta(days=rng.uniform(0, days), hours=0)
            created = created.replace(hour=rng.randint(8, 20), minute=rng.randint(0, 59))
            if created > now:
                created -= timedelta(days=1)
            age_days = (now - created).days
            kind = self._stage_kind_for_age(rng, age_days, index)
            stage = rng.choice(stages_by_kind[kind])
            customer = customers[rng.randrange(len(customers))]
            owner = agents[rng.randrange(len(agents))]
            assignee = owner if kind != 'new' or rng.random() < 0.6 else self.env['res.users']
            values = {
                'name': rng.choice(SUBJECTS[code]),
                'description': DESCRIPTIONS[code],
                'partner_id': customer.id,
                'type_id': types[code].id,
                'channel': rng.choices(channels, weights=[CHANNEL_WEIGHTS[c] for c in channels])[0],
                'priority': rng.choices(['0', '1', '2', '3'], weights=[60, 25, 10, 5])[0],
                'team_id': team.id,
                'user_id': assignee.id,
                'owner_id': owner.id,
                'stage_id': stage.id,
                'service_id': rng.choice(services.ids) if services else False,
            }
            if code == 'complaint':
                values['complaint_level'] = rng.choices(['normal', 'hotline', 'city', 'province'],
                                                        weights=[55, 25, 15, 5])[0]
            if kind in ('resolved', 'closed'):
                values['resolution'] = rng.choice(RESOLUTIONS)
                if code == 'complaint':
                    values['root_cause'] = rng.choice(['服务人员沟通不到位', '设备质量问题', '业务流程衔接不畅'])
            ticket = Ticket.create(values)
            dated.append((ticket.id, created, kind, rng))
        self._backdate(dated, now)
        return Ticket.browse([ticket_id for ticket_id, _created, _kind, _rng in dated])

    @staticmethod
    def _team_for_type(teams, code, rng):
        by_code = {team.code: team for team in teams}
        if code == 'complaint' and 'CPL' in by_code:
            return by_code['CPL']
        if code == 'repair' and 'REP' in by_code and rng.random() < 0.7:
            return by_code['REP']
        hotlines = [team for team in teams if team.code in ('HL1', 'HL2')] or list(teams)
        return rng.choice(hotlines)

    @staticmethod
    def _stage_kind_for_age(rng, age_days, index):
        # The first few orders cover every kind, so each stage shows up whatever the dice say.
        kinds = ['new', 'open', 'pending', 'resolved', 'closed']
        if index < len(kinds) * 2:
            return kinds[index % len(kinds)]
        if age_days > 14:
            return rng.choices(kinds, weights=[1, 3, 2, 10, 84])[0]
        if age_days > 3:
            return rng.choices(kinds, weights=[5, 20, 15, 25, 35])[0]
        return rng.choices(kinds, weights=[35, 30, 15, 10, 10])[0]

    def _backdate(self, dated, now):
        """Move the dates of the generated orders into the past, consistently with their stage."""
        rows = []
        for ticket_id, created, kind, rng in dated:
            first_response = created + timedelta(minutes=rng.randint(3, 240)) if kind != 'new' else None
            resolved = closed = None
            if kind in ('resolved', 'closed'):
                resolved = first_response + timedelta(hours=rng.randint(1, 72))
                closed = resolved + timedelta(hours=rng.randint(1, 48)) if kind == 'closed' else None
            first_response, resolved, closed = (min(date, now) if date else None
                                                for date in (first_response, resolved, closed))
            stamp = fields.Datetime.to_string
            # The number tells the day the order was taken, as the sequence would have on that day.
            number = 'WO%s-%04d' % (created.strftime('%y%m%d'), len(rows) + 1)
            last_update = stamp(closed or resolved or first_response or created)
            rows.append((number, stamp(created), first_response and stamp(first_response),
                         resolved and stamp(resolved), closed and stamp(closed), last_update, last_update,
                         ticket_id))
        self.env.cr.executemany("""
            UPDATE cs_ticket
               SET number = %s, create_date = %s, date_first_response = %s, date_resolved = %s,
                   date_closed = %s, date_last_stage_update = %s, write_date = %s
             WHERE id = %s
        """, rows)
        # The stage history and the SLA follow the dates moved into the past.
        self.env.cr.execute("""
            UPDATE cs_ticket_stage_log log
               SET date_start = ticket.create_date
              FROM cs_ticket ticket
             WHERE log.ticket_id = ticket.id AND ticket.id IN %s
        """, (tuple(row[-1] for row in rows),))
        self.env['cs.ticket'].invalidate_cache()
        self.env['cs.ticket'].browse([row[-1] for row in rows])._sla_recompute()

    def _generate_visits_and_evaluations(self, rng, tickets):
        """Return visits of every outcome for the generated orders, and the evaluations they and the IVR gave."""
        Visit = self.env['cs.return.visit'].with_context(tracking_disable=True, mail_notrack=True)
        closed_complaints = tickets.filtered(lambda ticket: ticket.type_code == 'complaint' and ticket.date_closed)
        Visit._plan_for_tickets(closed_complaints, 'close')
        # The rules planned the visits with today's dates: move them after their (backdated) orders.
        self.env.cr.execute("""
            UPDATE cs_return_visit visit
               SET date_due = CASE WHEN rule.trigger = 'create' THEN ticket.create_date ELSE ticket.date_closed END
                              + rule.delay_hours * interval '1 hour'
              FROM cs_ticket ticket, cs_return_visit_rule rule
             WHERE visit.ticket_id = ticket.id AND visit.rule_id = rule.id AND ticket.id IN %s
        """, (tuple(tickets.ids),))
        Visit.invalidate_cache()
        yesterday = fields.Datetime.to_string(datetime.now() - timedelta(days=1))
        outcomes = ['reached', 'not_reached', 'refused', 'planned', 'cancelled']
        for visit in Visit.search([('ticket_id', 'in', tickets.ids), ('date_due', '<', yesterday)]):
            outcome = rng.choices(outcomes, weights=[70, 14, 5, 8, 3])[0]
            if outcome == 'planned':
                continue  # left overdue, as some always are
            values = {'state': outcome, 'date_done': visit.date_due,
                      'user_id': rng.choice(visit.team_id.member_ids.ids) if visit.team_id.member_ids else False}
            if outcome == 'reached':
                values.update(satisfaction=rng.choices(['satisfied', 'neutral', 'dissatisfied'], weights=[82, 13, 5])[0],
                              is_valid=rng.random() < 0.9, upsell_attempted=rng.random() < 0.3,
                              opinion=rng.choice(['已经修好了,谢谢', '师傅很专业', '上门有点晚', '希望以后快一点']))
            visit.write(values)
            if outcome == 'reached':
                visit._record_evaluation_on_ticket()
        # About a third of the other closed orders were evaluated through the post-call IVR.
        for ticket in tickets.filtered(lambda ticket: ticket.date_closed and not ticket.evaluation):
            if rng.random() < 0.35:
                ticket.with_context(tracking_disable=True).write({
                    'evaluation': rng.choices(['satisfied', 'neutral', 'dissatisfied'], weights=[85, 10, 5])[0],
                    'evaluation_valid': rng.random() < 0.85, 'evaluation_source': 'ivr',
                    'evaluation_date': ticket.date_closed})


class CsDemoLanguage(models.AbstractModel):
    """The demo in the language of its users.

    Odoo loads XML data without a language and loads a module's translations only after its demo data, so
    the chatter of the demo (creation notes, tracked fields, messages written by the generators) would be in
    English for Chinese users. The generators run in the users' language once the suite's terms are loaded
    (``_demo_language``); what the XML loader wrote in English is rewritten afterwards
    (``_translate_demo_chatter``), and Odoo's own demo people (hr, hr_recruitment) are archived: the
    centre's recruitment and staff are its own.
    """
    _name = 'cs.demo.language'
    _description = 'Demo Data in the Users\' Language'

    @api.model
    def _demo_language(self, lang='zh_CN'):
        """``lang`` with the suite's terms loaded, or False when the language is not installed."""
        if not self.env['res.lang'].search_count([('code', '=', lang)]):
            return False
        self.env['ir.module.module'].search([('name', '=like', 'cs\\_%')])._update_translations(lang)
        return lang

    @api.model
    def _translate_demo_chatter(self, lang='zh_CN'):
        """Rewrite the English creation notes and tracked values of the demo's chatter in ``lang``."""
        lang = self._demo_language(lang)
        if not lang:
            return False
        cr = self.env.cr
        created_source = '%s created'
        created = self.env['ir.translation']._get_source(None, ('code',), lang, created_source) or created_source
        cr.execute("SELECT DISTINCT model FROM mail_message WHERE model IS NOT NULL")
        for (model_name,) in cr.fetchall():
            model = self.env['ir.model'].sudo()._get(model_name)
            if not model or model_name not in self.env:
                continue
            english, translated = model.with_context(lang='en_US').name, model.with_context(lang=lang).name
            cr.execute("UPDATE mail_message SET body = %s WHERE model = %s AND body IN %s",
                       ('<p>%s</p>' % (created % translated), model_name,
                        ('<p>%s</p>' % (created_source % english), '<p>%s</p>' % (created % english))))
        cr.execute("""
            SELECT DISTINCT message.model, value.field FROM mail_tracking_value value
              JOIN mail_message message ON message.id = value.mail_message_id
        """)
        for model_name, field_name in cr.fetchall():
            if model_name not in self.env or field_name not in self.env[model_name]._fields:
                continue
            field = self.env[model_name]._fields[field_name]
            description = self.env[model_name].with_context(lang=lang).fields_get([field_name])[field_name]
            messages = "SELECT id FROM mail_message WHERE model = %s"
            cr.execute("UPDATE mail_tracking_value SET field_desc = %s WHERE field = %s AND mail_message_id IN ("
                       + messages + ")", (description['string'], field_name, model_name))
            if field.type != 'selection':
                continue
            english = dict(self.env[model_name].with_context(lang='en_US').fields_get([field_name])[field_name]
                           ['selection'])
            for key, label in description['selection']:
                if english.get(key) and english[key] != label:
                    for column in ('old_value_char', 'new_value_char'):
                        cr.execute("UPDATE mail_tracking_value SET {0} = %s WHERE field = %s AND {0} = %s "
                                   "AND mail_message_id IN ({1})".format(column, messages),
                                   (label, field_name, english[key], model_name))
        self.env['mail.message'].invalidate_cache()
        self.env['mail.tracking.value'].invalidate_cache()
        return True

    @api.model
    def _archive_odoo_demo_people(self):
        """Archive Odoo's own demo applicants, employees and departments (Enrique Jones, Sales, R&D)."""
        for model in ('hr.applicant', 'hr.employee', 'hr.department'):
            if model not in self.env:
                continue
            ids = self.env['ir.model.data'].sudo().search(
                [('model', '=', model), ('module', 'in', ('hr', 'hr_recruitment'))]).mapped('res_id')
            self.env[model].sudo().browse(ids).exists().write({'active': False})
        # Odoo's base data writes the company's former name on its users' contacts ("YourCompany,
        # Administrator"); users are the centre's own people, shown by their names.
        users = self.env['res.users'].sudo().with_context(active_test=False).search([])
        users.mapped('partner_id').filtered('company_name').write({'company_name': False})
        return True
