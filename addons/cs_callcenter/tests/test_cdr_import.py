"""CDR import: the bulk path keeps good lines, reports bad ones, is idempotent; the wizard shows the result."""
import base64
import csv
import io

from odoo.exceptions import AccessError

from .common import CallCenterCase
from .test_cdr_service import master_line


def master_file(*rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator='\n')
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


class TestCdrImport(CallCenterCase):

    @classmethod
    def setUpClass(cls):
        super(TestCdrImport, cls).setUpClass()
        cls.good = master_line(lastdata='t_queue_a,t,,,300', dstchannel='SIP/7001-0000002a', uniqueid='t-cdr-1')
        cls.abandoned = master_line(lastdata='t_queue_b', dstchannel='', answer='', billsec='0',
                                    disposition='NO ANSWER', end='2024-05-01 09:30:40', uniqueid='t-cdr-2',
                                    src='0531-88886666')
        cls.bad_queue = master_line(lastdata='nowhere', dstchannel='', uniqueid='t-cdr-3')
        cls.bad_date = master_line(lastdata='t_queue_a', start='someday', uniqueid='t-cdr-4')
        cls.bad_agent = master_line(lastdata='t_queue_a', dstchannel='PJSIP/9999-0001', uniqueid='t-cdr-5')

    def importer(self, user=None):
        importer = self.env['cs.cdr.importer'].with_context(tz='Asia/Shanghai')
        return importer.sudo(user) if user else importer.sudo(self.supervisor)

    def calls(self):
        return self.env['cs.call'].search([('call_uid', 'like', 't-cdr-')], order='call_uid')

    def test_good_lines_are_imported_and_bad_ones_reported_by_number(self):
        text = master_file(self.good, self.bad_queue, self.abandoned, self.bad_date, self.bad_agent)
        result = self.importer().import_text(text, 'asterisk', tz='Asia/Shanghai')
        self.assertEqual((result['lines'], result['imported'], result['skipped']), (5, 2, 0))
        self.assertEqual([line for line, _reason in result['errors']], [2, 4, 5])
        reasons = dict(result['errors'])
        self.assertIn("unknown queue 'nowhere'", reasons[2])
        self.assertIn('column start', reasons[4])
        self.assertIn("unknown agent extension '9999'", reasons[5])
        answered, abandoned = self.calls()
        self.assertEqual((answered.status, answered.queue_id, answered.agent_id, answered.team_id),
                         ('answered', self.queue_a, self.agent_a, self.team_a))
        # Matched in SQL through the indexed E.164 column: 13805310001 is the fixture customer.
        self.assertEqual((answered.caller_number, answered.partner_id), ('+8613805310001', self.customer))
        self.assertEqual((answered.date_start, answered.wait_seconds, answered.talk_seconds),
                         ('2024-05-01 01:30:00', 12, 180))
        self.assertEqual((abandoned.status, abandoned.queue_id, abandoned.wait_seconds, abandoned.caller_number),
                         ('abandoned', self.queue_b, 40, '+8653188886666'))
        self.assertEqual(answered.source, 'cdr')

    def test_a_second_import_adds_nothing(self):
        text = master_file(self.good, self.abandoned)
        self.assertEqual(self.importer().import_text(text)['imported'], 2)
        again = self.importer().import_text(text + master_file(self.good))
        self.assertEqual((again['imported'], again['skipped'], again['errors']), (0, 3, []))
        self.assertEqual(len(self.calls()), 2)

    def test_strict_imports_nothing_from_a_file_with_a_bad_line(self):
        result = self.importer().import_text(master_file(self.good, self.bad_date), strict=True)
        self.assertEqual((result['imported'], [line for line, _ in result['errors']]), (0, [2]))
        self.assertFalse(self.calls())
        self.assertEqual(self.importer().import_text(master_file(self.good), strict=True)['imported'], 1)

    def test_small_batches_give_the_same_result(self):
        rows = [master_line(lastdata='t_queue_a', dstchannel='SIP/7002-1', uniqueid='t-cdr-b%02d' % n,
                            start='2024-05-01 10:%02d:00' % n, answer='2024-05-01 10:%02d:05' % n,
                            end='2024-05-01 10:%02d:50' % n) for n in range(25)]
        seen = []
        result = self.importer().import_text(master_file(*rows), batch_size=10,
                                             progress=lambda done, total: seen.append((done, total)))
        self.assertEqual(result['imported'], 25)
        self.assertEqual(seen[-1], (25, 25))
        self.assertEqual(len(seen), 3, 'progress after each full batch and at the end')

    def test_a_generic_csv_with_a_mapping(self):
        text = ('uid,caller,start,end,answer,q\n'
                't-cdr-g1,13805310001,2024-05-01T09:30:00+08:00,2024-05-01T09:31:00+08:00,'
                '2024-05-01T09:30:06+08:00,t_queue_a\n'
                't-cdr-g2,13805310001,2024-05-01T09:30:00+08:00,nonsense,,t_queue_a\n')
        mapping = {'call_id': 'uid', 'from': 'caller', 'queue': 'q', 'to': None, 'agent': None, 'direction': None,
                   'status': None, 'recording_url': None}
        result = self.importer().import_text(text, 'generic', mapping=mapping)
        self.assertEqual((result['imported'], [line for line, _ in result['errors']]), (1, [3]))
        call = self.calls()
        self.assertEqual((call.status, call.wait_seconds, call.talk_seconds, call.partner_id),
                         ('answered', 6, 54, self.customer))

    def test_the_wizard_reports_each_bad_line(self):
        wizard = self.env['cs.cdr.import.wizard'].sudo(self.supervisor).create({
            'file': base64.b64encode(master_file(self.good, self.bad_date).encode('utf-8')),
            'file_format': 'asterisk', 'tz': 'Asia/Shanghai'})
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.imported_count, wizard.error_count), ('done', 1, 1))
        self.assertEqual(wizard.error_line_ids.mapped('line'), [2])
        self.assertIn('column start', wizard.error_line_ids.reason)

    def test_an_agent_may_not_import(self):
        with self.assertRaises(AccessError):
            self.importer(self.agent_a).import_text(master_file(self.good))
        self.assertFalse(self.calls())
