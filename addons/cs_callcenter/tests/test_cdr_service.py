"""The CDR line parsers: every Master.csv variant of PRODUCT.md C2 and the generic CSV."""
import unittest
from datetime import datetime

import pytz

from odoo.addons.cs_callcenter.services import cdr

SHANGHAI = pytz.timezone('Asia/Shanghai')


def master_line(src='13805310001', dst='96123', dstchannel='SIP/8001-0000002a', lastapp='Queue',
                lastdata='hotline,t,,,300', start='2024-05-01 09:30:00', answer='2024-05-01 09:30:12',
                end='2024-05-01 09:33:12', duration='192', billsec='180', disposition='ANSWERED',
                uniqueid='1714527000.42', short=False):
    columns = ['', src, dst, 'from-pstn', '"张" <%s>' % src, 'SIP/trunk-00000029', dstchannel, lastapp, lastdata,
               start, answer, end, duration, billsec, disposition, 'DOCUMENTATION']
    if not short:
        columns += [uniqueid, '']
    return columns


class TestAsteriskMasterCsv(unittest.TestCase):

    def parse(self, **values):
        return cdr.parse_asterisk_row(master_line(**values), SHANGHAI)

    def test_an_answered_queue_call(self):
        call = self.parse()
        self.assertEqual((call['call_uid'], call['queue'], call['agent'], call['status']),
                         ('1714527000.42', 'hotline', '8001', 'answered'))
        # Local 09:30 in Shanghai is 01:30 UTC; wait = answer − start = 12 s, talk = billsec = 180 s.
        self.assertEqual(call['date_start'], datetime(2024, 5, 1, 1, 30))
        self.assertEqual((call['wait_seconds'], call['talk_seconds']), (12, 180))
        self.assertEqual(call['direction'], 'in')

    def test_the_agent_is_the_peer_of_every_channel_kind(self):
        self.assertEqual(self.parse(dstchannel='PJSIP/8584-9153')['agent'], '8584')
        self.assertEqual(self.parse(dstchannel='Local/8001@from-queue-00a1;1')['agent'], '8001')
        self.assertEqual(cdr.channel_peer(''), None)

    def test_the_queue_options_after_its_name_are_dropped(self):
        self.assertEqual(self.parse(lastdata='sales,t,,,300')['queue'], 'sales')
        self.assertEqual(self.parse(lastdata='sales')['queue'], 'sales')
        self.assertIsNone(self.parse(lastapp='Dial', lastdata='SIP/8001,30')['queue'])

    def test_an_unanswered_queue_call_is_abandoned_whatever_its_answer_column(self):
        for answer in ('', '2024-05-01 09:30:00'):
            call = self.parse(dstchannel='', answer=answer, billsec='0', disposition='NO ANSWER',
                              end='2024-05-01 09:30:40')
            # Wait = end − start = 40 s when nobody answered.
            self.assertEqual((call['status'], call['wait_seconds'], call['talk_seconds'], call['date_answer']),
                             ('abandoned', 40, 0, None))
        # Asterisk marks a queue call ANSWERED (music on hold) even when the caller hangs up before an agent.
        self.assertEqual(self.parse(dstchannel='', disposition='ANSWERED')['status'], 'abandoned')

    def test_other_dispositions(self):
        self.assertEqual(self.parse(disposition='BUSY', dstchannel='')['status'], 'busy')
        self.assertEqual(self.parse(disposition='FAILED', dstchannel='')['status'], 'failed')
        self.assertEqual(self.parse(disposition='CONGESTION', dstchannel='')['status'], 'failed')
        self.assertEqual(self.parse(disposition='NO ANSWER', lastapp='Dial', dstchannel='SIP/8001-1')['status'],
                         'missed')
        self.assertEqual(self.parse(lastapp='BackGround', lastdata='welcome', dstchannel='')['status'],
                         'ivr_completed')

    def test_an_outbound_call_from_an_extension(self):
        call = self.parse(src='8001', dst='13805310001', lastapp='Dial', lastdata='SIP/trunk/13805310001')
        self.assertEqual(call['direction'], 'out')

    def test_old_16_column_files_get_a_stable_call_id(self):
        first = self.parse(short=True)
        again = self.parse(short=True)
        self.assertTrue(first['call_uid'].startswith('cdr-'))
        self.assertEqual(first['call_uid'], again['call_uid'])
        self.assertNotEqual(first['call_uid'], self.parse(short=True, start='2024-05-01 09:31:00')['call_uid'])

    def test_bad_lines_say_why(self):
        cases = [
            (dict(disposition='HUNG'), 'column disposition'),
            (dict(start='yesterday'), 'column start'),
            (dict(end=''), 'column end is empty'),
            (dict(end='2024-05-01 09:00:00'), 'ends before it starts'),
            (dict(billsec='lots'), 'column billsec'),
        ]
        for values, reason in cases:
            with self.assertRaises(cdr.CdrError) as caught:
                self.parse(**values)
            self.assertIn(reason, str(caught.exception))
        with self.assertRaises(cdr.CdrError):
            cdr.parse_asterisk_row(['only', 'three', 'columns'])

    def test_a_file_yields_line_numbers_with_the_errors(self):
        import csv
        import io
        buffer = io.StringIO()
        writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
        writer.writerow(master_line())
        writer.writerow(master_line(disposition='HUNG', uniqueid='2'))
        buffer.write('\n')
        writer.writerow(master_line(uniqueid='3'))
        rows = list(cdr.iter_cdr(buffer.getvalue(), 'asterisk', tz=SHANGHAI))
        self.assertEqual([(number, bool(call), bool(error)) for number, call, error in rows],
                         [(1, True, False), (2, False, True), (4, True, False)])


class TestGenericCsv(unittest.TestCase):
    HEADER = 'id,caller,callee,dir,q,ext,begin,picked,finish\n'

    def test_a_mapped_file(self):
        mapping = {'call_id': 'id', 'from': 'caller', 'to': 'callee', 'direction': 'dir', 'queue': 'q',
                   'agent': 'ext', 'start': 'begin', 'answer': 'picked', 'end': 'finish', 'status': None}
        text = self.HEADER + (
            'g1,13805310001,96123,in,repair,8001,2024-05-01T09:30:00+08:00,2024-05-01T09:30:05+08:00,'
            '2024-05-01T09:32:05+08:00\n'
            'g2,13805310002,96123,in,repair,,2024-05-01 09:40:00,,2024-05-01 09:40:30\n'
            'g3,13805310003,96123,up,repair,,2024-05-01 09:40:00,,2024-05-01 09:40:30\n'
            'g4,13805310004\n')
        rows = list(cdr.iter_cdr(text, 'generic', mapping, SHANGHAI))
        (_n1, first, _e1), (_n2, second, _e2), (n3, _c3, error3), (n4, _c4, error4) = rows
        self.assertEqual((first['status'], first['wait_seconds'], first['talk_seconds'], first['agent']),
                         ('answered', 5, 120, '8001'))
        self.assertEqual((second['status'], second['wait_seconds']), ('abandoned', 30))
        self.assertEqual(second['date_start'], datetime(2024, 5, 1, 1, 40))
        self.assertEqual(n3, 4)
        self.assertIn("'up' is not in or out", error3)
        self.assertEqual(n4, 5)
        self.assertIn('expected 9 columns', error4)

    def test_a_header_without_the_required_columns_is_refused(self):
        with self.assertRaises(cdr.CdrError):
            list(cdr.iter_cdr('a,b,c\n1,2,3\n', 'generic'))
