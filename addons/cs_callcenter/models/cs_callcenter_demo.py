"""Demo calls: 90 days of traffic on the demo queues, linked to the demo customers and their phone work
orders. Written through the CDR bulk path, so a few thousand calls cost about a second at install."""
import random
from datetime import datetime, timedelta

from odoo import api, fields, models

from odoo.addons.cs_helpdesk.models.cs_helpdesk_demo import MOBILE_PREFIXES

# Shares of the outcomes of inbound calls in a hotline of this size (answered rate about 88 %).
INBOUND_STATUS_WEIGHTS = {'answered': 86, 'abandoned': 8, 'ivr_completed': 4, 'missed': 1, 'busy': 0.5,
                          'failed': 0.5}
OUTBOUND_STATUS_WEIGHTS = {'answered': 62, 'missed': 25, 'busy': 8, 'failed': 5}
QUEUE_WEIGHTS = {'hotline': 60, 'repair': 25, 'sales': 15}
EVALUATION_WEIGHTS = {'satisfied': 80, 'neutral': 14, 'dissatisfied': 6}
CHINA_OFFSET = timedelta(hours=8)


class CsCallcenterDemo(models.AbstractModel):
    _name = 'cs.callcenter.demo'
    _description = 'Call Center Demo Data Generator'

    @api.model
    def _generate(self, call_count=3000, days=90, seed=20261126):
        """Create about ``call_count`` calls over ``days`` days plus one call for every phone work order.

        Deterministic for a given ``seed``; a second run adds nothing (the call ids are the same).
        """
        rng = random.Random(seed)
        queues = {queue.code: queue for queue in self.env['cs.call.queue'].search([('code', 'in', list(QUEUE_WEIGHTS))])}
        if not queues:
            return False
        customers = self.env['res.partner'].search([('customer', '=', True), ('cs_mobile_e164', '!=', False)])
        company = self.env.user.company_id
        now = datetime.utcnow().replace(microsecond=0)
        calls, links = self._ticket_calls(rng, queues, company)
        codes = [code for code in QUEUE_WEIGHTS if code in queues]
        for index in range(call_count):
            queue = queues[rng.choices(codes, weights=[QUEUE_WEIGHTS[code] for code in codes])[0]]
            local_day = now + CHINA_OFFSET - timedelta(days=rng.randint(0, days - 1))
            # Traffic peaks in the morning and early afternoon (local time), 08:00–21:00.
            hour = rng.choices(range(8, 21), weights=[6, 10, 12, 11, 7, 8, 10, 10, 9, 7, 5, 3, 2])[0]
            start = local_day.replace(hour=hour, minute=rng.randint(0, 59), second=rng.randint(0, 59)) - CHINA_OFFSET
            if start > now:
                start -= timedelta(days=1)
            if customers and rng.random() < 0.7:
                number = customers[rng.randrange(len(customers))].cs_mobile_e164
            else:
                number = '+86' + rng.choice(MOBILE_PREFIXES) + ''.join(str(rng.randint(0, 9)) for _ in range(8))
            direction = 'out' if rng.random() < 0.1 else 'in'
            agents = queue.member_ids
            agent = agents[rng.randrange(len(agents))] if agents else None
            weights = INBOUND_STATUS_WEIGHTS if direction == 'in' else OUTBOUND_STATUS_WEIGHTS
            status = rng.choices(list(weights), weights=list(weights.values()))[0]
            calls.append(self._call_values(rng, 'demo-%s-%05d' % (seed, index), direction, number, queue, agent,
                                           start, status, company))
        importer = self.env['cs.cdr.importer']
        importer._bulk_insert(calls, source='cdr')
        self._link_tickets(links)
        return True

    @api.model
    def _ticket_calls(self, rng, queues, company):
        """One answered inbound call for every phone work order with a customer, just before it was created."""
        calls, links = [], []
        queue_by_team = {queue.team_id.id: queue for queue in queues.values() if queue.team_id}
        tickets = self.env['cs.ticket'].search([('channel', '=', 'phone'), ('partner_id', '!=', False)])
        for ticket in tickets:
            number = ticket.partner_id.cs_mobile_e164 or ticket.partner_id.cs_phone_e164
            if not number:
                continue
            queue = queue_by_team.get(ticket.team_id.id) or queues.get('hotline')
            created = fields.Datetime.from_string(ticket.create_date)
            start = created - timedelta(seconds=rng.randint(120, 600))
            uid = 'demo-ticket-%d' % ticket.id
            agent = ticket.owner_id or ticket.user_id
            calls.append(self._call_values(rng, uid, 'in', number, queue, agent, start, 'answered', company))
            links.append((uid, ticket.id))
        return calls, links

    @api.model
    def _call_values(self, rng, uid, direction, number, queue, agent, start, status, company):
        wait = rng.randint(2, 25) if direction == 'in' else rng.randint(5, 30)
        answered = status == 'answered'
        talk = int(rng.lognormvariate(5.0, 0.6)) if answered else 0  # median about 150 s
        end = start + timedelta(seconds=wait + talk)
        evaluation = (rng.choices(list(EVALUATION_WEIGHTS), weights=list(EVALUATION_WEIGHTS.values()))[0]
                      if answered and direction == 'in' and rng.random() < 0.6 else None)
        extension = agent.cs_extension if agent else None
        return {
            'line': 0, 'call_uid': uid, 'direction': direction,
            'caller_number': number if direction == 'in' else extension,
            'callee_number': (queue.code if direction == 'in' else number),
            'customer_number': number, 'partner_id': None, 'queue_id': queue.id,
            'team_id': queue.team_id.id or None, 'agent_id': agent.id if (agent and (answered or direction == 'out')) else None,
            'pbx_id': None, 'company_id': company.id,
            'date_start': start, 'date_answer': start + timedelta(seconds=wait) if answered else None,
            'date_end': end, 'wait_seconds': wait if answered else (end - start).seconds,
            'talk_seconds': talk, 'hold_seconds': rng.choice([0, 0, 0, 0, 15, 30, 45]) if answered else 0,
            'acw_seconds': rng.randint(10, 90) if answered else 0, 'status': status, 'disposition': None,
            'recording_url': ('https://pbx.cs-demo.example.com/recordings/%s.wav' % uid) if answered else None,
            'evaluation': evaluation, 'evaluation_valid': bool(evaluation) and rng.random() < 0.9,
        }

    @api.model
    def _link_tickets(self, links):
        if not links:
            return
        self.env.cr.execute("""
            INSERT INTO cs_call_ticket_rel (call_id, ticket_id)
            SELECT c.id, l.ticket_id
              FROM cs_call c JOIN (SELECT unnest(%s) AS call_uid, unnest(%s) AS ticket_id) l
                ON l.call_uid = c.call_uid
            ON CONFLICT DO NOTHING
        """, ([uid for uid, _ticket in links], [ticket for _uid, ticket in links]))
