"""CDR import: the bulk path keeps every call, warns about what it does not know, reports bad lines, is
idempotent; the wizard shows the report and creates unknown queues."""
import base64

from odoo.exceptions import AccessError, UserError

from .common import CallCenterCase
from .test_cdr_service import csv_text, master_line

master_file = csv_text


class CdrImportCase(CallCenterCase):

    def importer(self, user=None):
        importer = self.env['cs.cdr.importer'].with_context(tz='Asia/Shanghai')
        return importer.sudo(user) if user else importer.sudo(self.supervisor)

    def run_import(self, content, user=None, **options):
        options.setdefault('tz', 'Asia/Shanghai')
        return self.importer(user)._import_content(content, options.pop('file_format', 'asterisk'), **options)

    def calls(self, prefix='t-cdr-'):
        return self.env['cs.call'].search([('call_uid', 'like', prefix)], order='call_uid')

    @staticmethod
    def counts(report):
        return (report['lines'], report['calls_created'], report['calls_updated'], report['legs_merged'],
                len(report['warnings']), len(report['errors']))


class TestCdrImport(CdrImportCase):

    @classmethod
    def setUpClass(cls):
        super(TestCdrImport, cls).setUpClass()
        cls.good = master_line(lastdata='t_queue_a,t,,,300', dstchannel='SIP/7001-0000002a', uniqueid='t-cdr-1')
        cls.abandoned = master_line(lastdata='t_queue_b', dstchannel='', answer='', billsec='0',
                                    disposition='NO ANSWER', end='2024-05-01 09:30:40', uniqueid='t-cdr-2',
                                    src='0531-88886666')
        cls.unknown_queue = master_line(lastdata='nowhere', dstchannel='', uniqueid='t-cdr-3')
        cls.bad_date = master_line(lastdata='t_queue_a', start='someday', uniqueid='t-cdr-4')
        cls.unknown_agent = master_line(lastdata='t_queue_a', dstchannel='PJSIP/9999-0001', uniqueid='t-cdr-5')

    def test_every_call_is_imported_unknowns_are_warnings_and_only_bad_lines_are_errors(self):
        text = master_file(self.good, self.unknown_queue, self.abandoned, self.bad_date, self.unknown_agent)
        report = self.run_import(text)
        # 5 lines; 4 calls (line 4 is no call); no leg merged into another's call; 2 warnings, 1 error.
        self.assertEqual(self.counts(report), (5, 4, 0, 0, 2, 1))
        self.assertEqual([line for line, _reason in report['errors']], [4])
        self.assertIn("column start: 'someday' is not a date and time", report['errors'][0][1])
        warnings = dict(report['warnings'])
        self.assertEqual(sorted(warnings), [2, 5])
        self.assertIn("queue 'nowhere' is not configured", warnings[2])
        self.assertIn("extension '9999' is no agent's", warnings[5])
        self.assertEqual(report['unknown_queues'], ['nowhere'])
        answered, abandoned, no_queue, no_agent = self.calls()
        self.assertEqual((answered.status, answered.queue_id, answered.agent_id, answered.team_id),
                         ('answered', self.queue_a, self.agent_a, self.team_a))
        # Matched in SQL through the indexed E.164 column: 13805310001 is the fixture customer.
        self.assertEqual((answered.caller_number, answered.partner_id), ('+8613805310001', self.customer))
        self.assertEqual((answered.date_start, answered.wait_seconds, answered.talk_seconds),
                         ('2024-05-01 01:30:00', 12, 180))
        self.assertEqual((abandoned.status, abandoned.queue_id, abandoned.wait_seconds, abandoned.caller_number),
                         ('abandoned', self.queue_b, 40, '+8653188886666'))
        self.assertEqual((answered.source, len(answered.leg_ids)), ('cdr', 1))
        # An unknown queue: the call is there, without a queue (Asterisk answered it for the queue: abandoned).
        self.assertEqual((no_queue.call_uid, no_queue.queue_id.id, no_queue.status), ('t-cdr-3', False, 'abandoned'))
        # An unknown extension answered: answered, without an agent, in the queue's team.
        self.assertEqual((no_agent.status, no_agent.agent_id.id, no_agent.queue_id, no_agent.team_id),
                         ('answered', False, self.queue_a, self.team_a))

    def test_a_second_import_changes_nothing(self):
        text = master_file(self.good, self.abandoned)
        self.assertEqual(self.run_import(text)['calls_created'], 2)
        before = self.calls().read(['write_date', 'status', 'agent_id', 'wait_seconds'])
        again = self.run_import(text + master_file(self.good))
        # 3 lines, all legs already stored (the repeated one too): nothing created, updated or merged.
        self.assertEqual(self.counts(again), (3, 0, 0, 0, 0, 0))
        self.assertEqual(again['legs_known'], 3)
        self.assertEqual(self.calls().read(['write_date', 'status', 'agent_id', 'wait_seconds']), before)
        self.assertEqual(len(self.calls().mapped('leg_ids')), 2)

    def test_strict_imports_nothing_from_a_file_with_a_bad_line_but_warnings_do_not_count(self):
        report = self.run_import(master_file(self.good, self.bad_date), strict=True)
        self.assertEqual((report['calls_created'], [line for line, _ in report['errors']]), (0, [2]))
        self.assertFalse(self.calls())
        report = self.run_import(master_file(self.good, self.unknown_queue), strict=True)
        self.assertEqual((report['calls_created'], len(report['warnings'])), (2, 1))

    def test_small_batches_give_the_same_result(self):
        rows = [master_line(lastdata='t_queue_a', dstchannel='SIP/7002-1', uniqueid='t-cdr-b%02d' % n,
                            start='2024-05-01 10:%02d:00' % n, answer='2024-05-01 10:%02d:05' % n,
                            end='2024-05-01 10:%02d:50' % n) for n in range(25)]
        seen = []
        report = self.run_import(master_file(*rows), batch_size=10,
                                 progress=lambda done, total: seen.append((done, total)))
        self.assertEqual(report['calls_created'], 25)
        self.assertEqual(seen[-1], (25, 25))
        self.assertEqual(len(seen), 3, 'progress after each full batch and at the end')

    def test_a_generic_csv_with_a_mapping(self):
        text = ('uid,caller,start,end,answer,q\n'
                't-cdr-g1,13805310001,2024-05-01T09:30:00+08:00,2024-05-01T09:31:00+08:00,'
                '2024-05-01T09:30:06+08:00,t_queue_a\n'
                't-cdr-g2,13805310001,2024-05-01T09:30:00+08:00,nonsense,,t_queue_a\n')
        mapping = {'call_id': 'uid', 'from': 'caller', 'queue': 'q', 'to': None, 'agent': None, 'direction': None,
                   'status': None, 'recording_url': None}
        report = self.run_import(text, file_format='generic', mapping=mapping)
        self.assertEqual((report['calls_created'], [line for line, _ in report['errors']]), (1, [3]))
        call = self.calls()
        self.assertEqual((call.status, call.wait_seconds, call.talk_seconds, call.partner_id),
                         ('answered', 6, 54, self.customer))
        self.assertEqual(self.run_import(text, file_format='generic', mapping=mapping)['calls_created'], 0)

    def test_a_file_that_is_no_text_is_refused_with_a_message(self):
        with self.assertRaises(UserError):
            self.run_import(master_file(self.good).encode('utf-8'), encoding='klingon')

    def test_an_agent_may_not_import(self):
        with self.assertRaises(AccessError):
            self.importer(self.agent_a).import_text(master_file(self.good))
        with self.assertRaises(AccessError):
            self.run_import(master_file(self.good), user=self.agent_a)
        self.assertFalse(self.calls())


class TestCdrImportWizard(CdrImportCase):

    def wizard(self, text, **values):
        data = text if isinstance(text, bytes) else text.encode('utf-8')
        return self.env['cs.cdr.import.wizard'].sudo(self.supervisor).create(dict({
            'file': base64.b64encode(data), 'file_format': 'asterisk', 'tz': 'Asia/Shanghai'}, **values))

    def test_the_report_lists_warnings_and_errors_apart(self):
        wizard = self.wizard(master_file(
            master_line(lastdata='t_queue_a', dstchannel='SIP/7001-1', uniqueid='t-cdr-w1'),
            master_line(lastdata='t_queue_a', start='someday', uniqueid='t-cdr-w2'),
            master_line(lastdata='t_new_queue', dstchannel='SIP/7001-2', uniqueid='t-cdr-w3')))
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.line_count, wizard.created_count, wizard.updated_count,
                          wizard.warning_count, wizard.error_count), ('done', 3, 2, 0, 1, 1))
        self.assertEqual((wizard.error_line_ids.line, wizard.warning_line_ids.line), (2, 3))
        self.assertIn('column start', wizard.error_line_ids.reason)
        self.assertIn("'t_new_queue'", wizard.warning_line_ids.reason)
        self.assertEqual(wizard.unknown_queue_codes, 't_new_queue')

    def test_unknown_queues_are_created_in_one_click_and_get_their_calls(self):
        wizard = self.wizard(master_file(
            master_line(lastdata='t_new_queue,t,,,300', dstchannel='SIP/7001-1', uniqueid='t-cdr-q1'),
            master_line(lastdata='t_new_queue', dstchannel='', disposition='NO ANSWER', answer='', billsec='0',
                        uniqueid='t-cdr-q2'),
            master_line(lastdata='t_other_queue', dstchannel='SIP/7001-3', uniqueid='t-cdr-q3')))
        wizard.action_import()
        self.assertEqual(wizard.unknown_queue_codes, 't_new_queue, t_other_queue')
        self.assertFalse(self.calls().mapped('queue_id'))
        wizard.action_create_queues()
        queues = self.env['cs.call.queue'].search([('code', 'in', ('t_new_queue', 't_other_queue'))])
        self.assertEqual(sorted(queues.mapped('name')), ['t_new_queue', 't_other_queue'])
        self.assertEqual([call.queue_id.code for call in self.calls()], ['t_new_queue', 't_new_queue',
                                                                         't_other_queue'])
        self.assertFalse(wizard.unknown_queue_codes)
        self.assertIn('2 queue(s) created, 3 call(s) linked', wizard.queue_note)

    def test_a_gbk_file_and_the_encoding_option(self):
        text = master_file(master_line(lastdata='t_queue_a', dstchannel='SIP/7001-1', uniqueid='t-cdr-gbk',
                                       clid='"王小明" <13805310001>'))
        wizard = self.wizard(text.encode('gbk'))
        wizard.action_import()
        self.assertEqual((wizard.created_count, wizard.encoding_used), (1, 'gb18030'))
        self.assertEqual(self.calls().caller_name, '王小明')
        forced = self.wizard(text.encode('gbk'), encoding='utf-8')
        with self.assertRaises(UserError):
            forced.action_import()

    def test_the_report_speaks_the_users_language(self):
        wizard = self.wizard(master_file(
            master_line(lastdata='t_new_queue', dstchannel='SIP/7001-1', uniqueid='t-cdr-zh')))
        wizard.with_context(lang='zh_CN').action_import()
        self.assertIn('未配置', wizard.warning_line_ids.reason)

    def test_an_agent_cannot_import_or_create_queues_through_the_wizard(self):
        # Odoo 11 lets every user create a transient record; the buttons check who presses them.
        wizard = self.env['cs.cdr.import.wizard'].sudo(self.agent_a).create({
            'file': base64.b64encode(master_file(master_line(uniqueid='t-cdr-agent')).encode('utf-8')),
            'file_format': 'asterisk', 'tz': 'Asia/Shanghai'})
        with self.assertRaises(AccessError):
            wizard.action_import()
        wizard.write({'unknown_queue_codes': 't_agent_queue'})
        with self.assertRaises(AccessError):
            wizard.action_create_queues()
        self.assertFalse(self.calls())
        self.assertFalse(self.env['cs.call.queue'].search([('code', '=', 't_agent_queue')]))
