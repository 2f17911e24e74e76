"""Calls and the PBX probed as each role: PBX facts read-only, restricted fields unreachable, no secret shown
or logged, the demo generator not an RPC method."""
import logging

from odoo.exceptions import AccessError

from odoo.addons.cs_helpdesk.tests.common import rpc

from .common import CallCenterCase


class _Collect(logging.Handler):
    def __init__(self):
        super(_Collect, self).__init__(level=logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


class TestCallSecurity(CallCenterCase):

    @classmethod
    def setUpClass(cls):
        super(TestCallSecurity, cls).setUpClass()
        cls.call = cls.env['cs.call'].create({
            'call_uid': 't-sec-1', 'direction': 'in', 'status': 'answered', 'queue_id': cls.queue_a.id,
            'agent_id': cls.agent_a.id, 'talk_seconds': 30, 'date_start': '2024-05-01 01:30:00',
            'recording_url': 'https://pbx.example.com/sec.wav'})

    def test_pbx_facts_are_read_only_for_agents_and_leaders(self):
        for user in (self.agent_a, self.leader_a, self.supervisor, self.director):
            for values in ({'talk_seconds': 600}, {'evaluation': 'satisfied'}, {'evaluation_valid': True},
                           {'agent_id': self.agent_a2.id}, {'status': 'answered'}):
                with self.assertRaises(AccessError, msg='%s %s' % (user.login, values)):
                    self.call.sudo(user).write(values)
        self.assertEqual((self.call.talk_seconds, self.call.evaluation), (30, False))
        self.call.sudo(self.agent_a).write({'partner_id': self.customer.id})
        self.assertEqual(self.call.partner_id, self.customer, "linking the caller's file stays the agent's work")

    def test_nobody_creates_calls_by_hand(self):
        for user in (self.agent_a, self.leader_a, self.director):
            with self.assertRaises(AccessError):
                self.env['cs.call'].sudo(user).create({'call_uid': 't-sec-forged', 'status': 'answered',
                                                       'agent_id': user.id, 'evaluation': 'satisfied'})

    def test_the_cti_process_still_writes_the_facts(self):
        call = self.cti('ring', call_id='t-sec-cti')
        self.cti('answer', call_id='t-sec-cti', timestamp='2024-05-01T09:30:10+08:00')
        self.cti('hangup', call_id='t-sec-cti', timestamp='2024-05-01T09:31:10+08:00', cause='normal')
        self.assertEqual((call.agent_id, call.talk_seconds), (self.agent_a, 60))

    def test_recording_url_and_token_hash_are_unreachable_by_search(self):
        with self.assertRaises(AccessError):
            rpc(self.env, self.agent_a, 'cs.call', 'search', [('recording_url', 'like', 'https://%')])
        with self.assertRaises(AccessError):
            rpc(self.env, self.agent_a, 'cs.call', 'search', [], order='recording_url')
        self.assertTrue(rpc(self.env, self.inspector, 'cs.call', 'search', [('recording_url', 'like', 'https://%')]))
        for user in (self.supervisor, self.director):
            with self.assertRaises(AccessError, msg=user.login):
                rpc(self.env, user, 'cs.pbx', 'search_count', [('token_hash', '=like', 'sha256$%')])
            with self.assertRaises(AccessError, msg=user.login):
                rpc(self.env, user, 'cs.pbx', 'read_group', [], ['token_hash'], ['token_hash'])

    def test_the_demo_generator_is_not_callable_over_rpc(self):
        for method in ('generate', '_generate'):
            with self.assertRaises((AccessError, AttributeError)):
                rpc(self.env, self.agent_a, 'cs.callcenter.demo', method)

    def test_the_demo_pbx_shows_no_token(self):
        pbx = self.env.ref('cs_callcenter.pbx_demo', raise_if_not_found=False)
        if not pbx:
            self.skipTest('database installed without demo data')
        self.assertTrue(pbx.has_token)
        self.assertNotIn('cs-demo-pbx-token', pbx.note or '')
        self.assertNotIn('cs-demo-pbx-token', str(pbx.sudo(self.env.ref('cs_helpdesk.user_director')).read()))

    def test_a_token_never_reaches_the_server_log(self):
        token = 'never-logged-token-4242'
        handler = _Collect()
        odoo_logger, sql_logger = logging.getLogger('odoo'), logging.getLogger('odoo.sql_db')
        previous_level = odoo_logger.level
        odoo_logger.addHandler(handler)
        odoo_logger.setLevel(logging.DEBUG)
        try:
            # A failed INSERT is logged by Odoo with its parameters: the token must not be among them. (Kept
            # out of the test run's own log.)
            sql_logger.addHandler(handler)
            sql_logger.propagate = False
            try:
                with self.assertRaises(Exception), self.env.cr.savepoint():
                    self.env['cs.pbx'].create({'name': None, 'token': token})
            finally:
                sql_logger.removeHandler(handler)
                sql_logger.propagate = True
            pbx = self.env['cs.pbx'].create({'name': 'Logged PBX', 'token': token})
            pbx.write({'token': token + '-2'})
            self.assertEqual(self.env['cs.pbx']._authenticate(token + '-2'), pbx)
        finally:
            odoo_logger.removeHandler(handler)
            odoo_logger.setLevel(previous_level)
        self.assertTrue(any('bad query' in line for line in handler.lines), "the failed INSERT was logged")
        self.assertFalse([line for line in handler.lines if token in line])
