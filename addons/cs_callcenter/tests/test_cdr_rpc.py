"""Issue 12 points 1 and 2: what of the CDR import is callable over RPC, called the way XML-RPC calls it.

``odoo.service.model.execute_kw`` is the function ``/xmlrpc/2/object`` dispatches to (after the password
check): it refuses private (``_``) method names, then calls the method as the given user. It opens its own
cursor and commits; here it is handed the test's cursor instead, so nothing outlives the test.
"""
import base64
import inspect
from unittest.mock import patch

import odoo
from odoo.exceptions import AccessError

from .common import CallCenterCase
from .test_cdr_service import csv_text, master_line


class _TestCursor(object):
    """The test's cursor where ``registry.cursor()`` would open (and commit) a new one."""

    def __init__(self, cr):
        self.cr = cr

    def __enter__(self):
        return self.cr

    def __exit__(self, *exc):
        return False


class TestCdrRpcSurface(CallCenterCase):

    def rpc(self, user, model, method, *args):
        registry_class = type(self.registry)
        with patch.object(registry_class, 'cursor', lambda registry: _TestCursor(self.cr)):
            return odoo.service.model.execute_kw(self.cr.dbname, user.id, model, method, list(args))

    def forged_call(self):
        return {
            'line': 1, 'call_uid': 't-rpc-forged', 'direction': 'in', 'caller_number': '+8613805310001',
            'callee_number': '96123', 'customer_number': '+8613805310001', 'queue_id': self.queue_a.id,
            'team_id': self.team_a.id, 'agent_id': self.agent_a.id, 'company_id': self.agent_a.company_id.id,
            'date_start': '2024-05-01 01:30:00', 'date_answer': '2024-05-01 01:30:02',
            'date_end': '2024-05-01 01:33:00', 'wait_seconds': 2, 'talk_seconds': 178, 'status': 'answered',
            'evaluation': 'satisfied', 'evaluation_valid': True,
        }

    def own_public_methods(self, model):
        """The public methods the suite's own classes add to ``model`` (what RPC reaches beyond the ORM's)."""
        names = set()
        orm = set(dir(odoo.models.BaseModel))  # the ORM's API (export_data, …), guarded by the access rights
        for klass in type(self.env[model]).__mro__:
            if klass.__module__.startswith('odoo.addons.cs_'):
                names.update(name for name, member in vars(klass).items()
                             if not name.startswith('_') and name not in orm and inspect.isfunction(member))
        return names

    def test_an_agent_cannot_insert_forged_calls_over_rpc(self):
        # Issue 12 point 1: bulk_insert wrote calls with raw SQL for whoever called it.
        for method in ('bulk_insert', '_bulk_insert', '_write_calls'):
            with self.assertRaises((AccessError, AttributeError), msg=method):
                self.rpc(self.agent_a, 'cs.cdr.importer', method, [self.forged_call()])
        self.assertFalse(self.env['cs.call'].search([('call_uid', '=', 't-rpc-forged')]))

    def test_no_rpc_method_opens_a_server_path(self):
        # Issue 12 point 2: import_file_cli(path) read any file the server can read, for a supervisor too.
        path = odoo.tools.config.rcfile or '/etc/passwd'
        for user in (self.agent_a, self.supervisor):
            for method in ('import_file_cli', '_import_file', '_import_content'):
                with self.assertRaises((AccessError, AttributeError), msg=(user.login, method)):
                    self.rpc(user, 'cs.cdr.importer', method, path)
        # The one import method on RPC takes the file's content: a path is just a bad line.
        report = self.rpc(self.supervisor, 'cs.cdr.importer', 'import_text', path)
        self.assertEqual((report['calls_created'], len(report['errors'])), (0, 1))
        self.assertIn('found 1', report['errors'][0][1])

    def test_the_rpc_surface_of_the_import(self):
        self.assertEqual(self.own_public_methods('cs.cdr.importer'), {'import_text'})
        self.assertEqual(self.own_public_methods('cs.cdr.import.wizard'),
                         {'action_import', 'action_create_queues', 'action_open_calls'})
        text = csv_text(master_line(lastdata='t_queue_a', dstchannel='SIP/7001-1', uniqueid='t-rpc-1'))
        with self.assertRaises(AccessError):
            self.rpc(self.agent_a, 'cs.cdr.importer', 'import_text', text)
        self.assertFalse(self.env['cs.call'].search([('call_uid', '=', 't-rpc-1')]))
        report = self.rpc(self.supervisor, 'cs.cdr.importer', 'import_text', text)
        self.assertEqual(report['calls_created'], 1)
        # The wizard's buttons check who presses them (Odoo 11 lets anyone create a transient record).
        wizard_id = self.rpc(self.agent_a, 'cs.cdr.import.wizard', 'create', {
            'file': base64.b64encode(text.replace('t-rpc-1', 't-rpc-2').encode('utf-8')).decode('ascii'),
            'file_format': 'asterisk', 'tz': 'Asia/Shanghai', 'unknown_queue_codes': 't_rpc_queue'})
        for method in ('action_import', 'action_create_queues'):
            with self.assertRaises(AccessError, msg=method):
                self.rpc(self.agent_a, 'cs.cdr.import.wizard', method, [wizard_id])
        self.assertFalse(self.env['cs.call'].search([('call_uid', '=', 't-rpc-2')]))
        self.assertFalse(self.env['cs.call.queue'].search([('code', '=', 't_rpc_queue')]))
