"""CTI events build one call per call id, in any order; the screen pop reaches the agent; bad input is refused."""
import itertools
import json

from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

import odoo.http

from odoo.addons.cs_callcenter.controllers import main as cti_controller
from odoo.addons.cs_callcenter.services.cti_event import CtiError

from .common import CallCenterCase

RING = dict(timestamp='2024-05-01T09:30:00+08:00')
ANSWER = dict(timestamp='2024-05-01T09:30:12+08:00', agent='7001')
HANGUP = dict(timestamp='2024-05-01T09:33:12+08:00', cause='normal', evaluation='satisfied',
              recording_url='https://pbx.example.com/rec/1.wav')


class TestCtiEvents(CallCenterCase):

    def test_ring_answer_hangup_make_one_answered_call(self):
        self.cti('ring', **RING)
        self.cti('answer', **ANSWER)
        call = self.cti('hangup', **HANGUP)
        self.assertEqual(self.env['cs.call'].search_count([('call_uid', '=', 't-call-1')]), 1)
        # Ring 01:30:00 UTC, answer 12 s later, hangup 3 min after the answer: wait 12, talk 180.
        self.assertEqual((call.status, call.progress, call.wait_seconds, call.talk_seconds),
                         ('answered', 'done', 12, 180))
        self.assertEqual((call.date_start, call.date_answer, call.date_end),
                         ('2024-05-01 01:30:00', '2024-05-01 01:30:12', '2024-05-01 01:33:12'))
        self.assertEqual((call.queue_id, call.team_id, call.agent_id), (self.queue_a, self.team_a, self.agent_a))
        self.assertEqual((call.evaluation, call.evaluation_valid), ('satisfied', True))
        self.assertEqual(call.sudo().recording_url, 'https://pbx.example.com/rec/1.wav')

    def test_numbers_are_normalised_and_the_customer_found_by_number(self):
        call = self.cti('ring', **{'from': '138 0531 0001'})
        self.assertEqual(call.caller_number, '+8613805310001')
        self.assertEqual(call.partner_id, self.customer)
        self.assertEqual(self.customer.cs_mobile_e164, '+8613805310001')
        self.assertIn(call, self.customer.cs_call_ids)

    def test_every_arrival_order_gives_the_same_call(self):
        results = set()
        for index, order in enumerate(itertools.permutations([('ring', RING), ('answer', ANSWER), ('hangup', HANGUP)])):
            call_id = 't-order-%d' % index
            for event, values in order:
                call = self.cti(event, call_id=call_id, **dict(values))
            self.assertEqual(self.env['cs.call'].search_count([('call_uid', '=', call_id)]), 1)
            results.add((call.status, call.wait_seconds, call.talk_seconds, call.caller_number,
                         call.queue_id.id, call.agent_id.id, call.partner_id.id))
        self.assertEqual(len(results), 1, results)
        self.assertEqual(results.pop()[:3], ('answered', 12, 180))

    def test_a_repeated_event_changes_nothing(self):
        self.cti('ring', **RING)
        call = self.cti('hangup', timestamp='2024-05-01T09:30:40+08:00', cause='abandon')
        written = call.write_date
        self.env.cr.execute('SELECT xmin FROM cs_call WHERE id = %s', (call.id,))
        version = self.env.cr.fetchone()
        again = self.cti('hangup', timestamp='2024-05-01T09:35:00+08:00', cause='normal')
        self.cti('ring', **RING)
        self.assertEqual(again, call)
        self.env.cr.execute('SELECT xmin FROM cs_call WHERE id = %s', (call.id,))
        self.assertEqual(self.env.cr.fetchone(), version, 'the row was not even rewritten')
        call.invalidate_cache()
        self.assertEqual((call.status, call.wait_seconds, call.date_end, call.write_date),
                         ('abandoned', 40, '2024-05-01 01:30:40', written))

    def test_unknown_queue_or_agent_is_refused_and_writes_nothing(self):
        for values, reason in ((dict(queue='nowhere'), "unknown queue 'nowhere'"),
                               (dict(agent='9999'), "unknown agent extension '9999'")):
            with self.assertRaises(CtiError) as caught:
                self.cti('ring', call_id='t-bad', **values)
            self.assertIn(reason, str(caught.exception))
        self.assertFalse(self.env['cs.call'].search([('call_uid', '=', 't-bad')]))

    def test_a_malformed_event_is_refused_and_writes_nothing(self):
        for values in (dict(event='transfer'), dict(timestamp='soon'), dict(direction='up')):
            event = values.pop('event', 'ring')
            with self.assertRaises(CtiError):
                self.cti(event, call_id='t-bad', **values)
        self.assertFalse(self.env['cs.call'].search([('call_uid', '=', 't-bad')]))

    def test_the_ring_pops_the_callers_file_on_the_agents_screen(self):
        ticket = self.create_ticket(self.agent_a, name='机顶盒无信号')
        self.env['bus.bus'].search([]).unlink()
        call = self.cti('ring', **RING)
        messages = self.env['bus.bus'].search(
            [('channel', '=', json.dumps([self.env.cr.dbname, 'res.partner', self.agent_a.partner_id.id], separators=(',', ':')))])
        self.assertEqual(len(messages), 1)
        payload = json.loads(messages.message)
        self.assertEqual((payload['type'], payload['call_id'], payload['partner_id'], payload['number']),
                         ('cs_screen_pop', call.id, self.customer.id, '+8613805310001'))
        self.assertEqual([t['number'] for t in payload['tickets']], [ticket.number])
        self.assertTrue(payload['tickets'][0]['open'])
        # The answer does not pop again.
        self.cti('answer', **ANSWER)
        self.assertEqual(self.env['bus.bus'].search_count([]), 1)

    def test_an_unknown_number_pops_without_a_customer(self):
        self.env['bus.bus'].search([]).unlink()
        self.cti('ring', **{'from': '13999999999'})
        payload = json.loads(self.env['bus.bus'].search([]).message)
        self.assertEqual((payload['partner_id'], payload['number'], payload['tickets']), (False, '+8613999999999', []))

    def test_calls_and_tickets_reach_each_other(self):
        call = self.cti('ring', **RING)
        action = call.action_create_ticket()
        ticket = self.env['cs.ticket'].with_context(action['context']).sudo(self.agent_a).create({'name': '咨询套餐'})
        self.assertEqual(ticket.cs_call_ids, call)
        self.assertEqual(call.ticket_ids, ticket)
        self.assertEqual((ticket.partner_id, ticket.phone), (self.customer, '+8613805310001'))
        self.assertEqual(self.customer.action_cs_open_calls()['domain'], [('partner_id', '=', self.customer.id)])


class TestPbx(CallCenterCase):

    def test_the_token_is_write_only_and_stored_hashed(self):
        self.assertFalse(self.pbx.token)
        stored = self.pbx.sudo().token_hash
        self.assertTrue(stored.startswith('sha256$'))
        self.assertNotIn(self.TOKEN, stored)
        self.assertEqual(self.env['cs.pbx']._authenticate(self.TOKEN), self.pbx)
        self.assertFalse(self.env['cs.pbx']._authenticate('wrong-token-0001'))
        self.assertFalse(self.env['cs.pbx']._authenticate(None))
        self.pbx.active = False
        self.assertFalse(self.env['cs.pbx']._authenticate(self.TOKEN), 'an archived PBX is refused')

    def test_a_director_cannot_read_the_hash(self):
        from odoo.exceptions import AccessError
        with self.assertRaises(AccessError):
            self.pbx.sudo(self.director).read(['token_hash'])
        self.pbx.sudo(self.director).write({'token': 'a-new-token-000002'})
        self.assertEqual(self.env['cs.pbx']._authenticate('a-new-token-000002'), self.pbx)


class TestPlainJsonRoute(CallCenterCase):

    def request_for(self, path, content_type='application/json'):
        builder = EnvironBuilder(path=path, method='POST', data=b'{"event": "ring"}', content_type=content_type)
        request = Request(builder.get_environ())
        request.session = odoo.http.root.session_store.new()  # what Root.dispatch attaches before get_request
        return request

    def test_a_plain_json_post_to_the_cti_path_stays_plain_http(self):
        root = odoo.http.root
        self.assertIsInstance(root.get_request(self.request_for(cti_controller.CTI_PATH)), odoo.http.HttpRequest)
        # Every other JSON request is still JSON-RPC.
        self.assertIsInstance(root.get_request(self.request_for('/web/dataset/call_kw')), odoo.http.JsonRequest)

    def test_installing_twice_wraps_once(self):
        before = odoo.http.Root.get_request
        cti_controller.install_plain_json_route()
        self.assertIs(odoo.http.Root.get_request, before)
