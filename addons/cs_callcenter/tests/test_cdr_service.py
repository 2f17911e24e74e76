"""The CDR reading and leg merging services: every Master.csv layout of PRODUCT.md C2 and issue 13, without a
database."""
import csv
import io
import unittest
from datetime import datetime

import pytz

from odoo.addons.cs_callcenter.services import cdr, cdr_legs

SHANGHAI = pytz.timezone('Asia/Shanghai')


def master_line(src='13805310001', dst='96123', dstchannel='SIP/8001-0000002a', lastapp='Queue',
                lastdata='hotline,t,,,300', start='2024-05-01 09:30:00', answer='2024-05-01 09:30:12',
                end='2024-05-01 09:33:12', duration='192', billsec='180', disposition='ANSWERED',
                uniqueid='1714527000.42', short=False, channel='SIP/trunk-00000029', dcontext='from-pstn',
                clid=None, linkedid=None, sequence='7', accountcode=''):
    """One Master.csv row: 18 columns, 16 with ``short``, 21 (newcdrcolumns=yes) when ``linkedid`` is given."""
    columns = [accountcode, src, dst, dcontext, clid if clid is not None else '"张" <%s>' % src, channel, dstchannel,
               lastapp, lastdata, start, answer, end, duration, billsec, disposition, 'DOCUMENTATION']
    if not short:
        columns += [uniqueid, '']
    if linkedid is not None:
        columns += ['', linkedid, sequence]
    return columns


def csv_text(*rows, line_end='\n'):
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator=line_end)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def legs_of(text, tz=SHANGHAI):
    rows = list(cdr.iter_cdr(text, 'asterisk', tz=tz))
    assert all(error is None for _line, _leg, error in rows), rows
    return [leg for _line, leg, _error in rows]


def call_of(**values):
    return cdr_legs.merge_legs([cdr.parse_asterisk_leg(master_line(**values), SHANGHAI)])


class TestAsteriskLines(unittest.TestCase):

    def test_an_answered_queue_call(self):
        call = call_of()
        self.assertEqual((call['call_uid'], call['queue'], call['agent'], call['status'], call['caller_name']),
                         ('1714527000.42', 'hotline', '8001', 'answered', '张'))
        # Local 09:30 in Shanghai is 01:30 UTC; wait = answer − start = 12 s, talk = billsec = 180 s.
        self.assertEqual(call['date_start'], datetime(2024, 5, 1, 1, 30))
        self.assertEqual((call['wait_seconds'], call['talk_seconds']), (12, 180))
        self.assertEqual(call['direction'], 'in')

    def test_the_agent_is_the_peer_of_every_channel_kind(self):
        self.assertEqual(call_of(dstchannel='PJSIP/8584-9153')['agent'], '8584')
        self.assertEqual(call_of(dstchannel='Local/8001@from-queue-00a1;1')['agent'], '8001')
        self.assertEqual(cdr.channel_peer(''), None)

    def test_the_queue_options_after_its_name_are_dropped(self):
        self.assertEqual(call_of(lastdata='sales,t,,,300')['queue'], 'sales')
        self.assertEqual(call_of(lastdata='sales')['queue'], 'sales')
        self.assertIsNone(call_of(lastapp='Dial', lastdata='SIP/8001,30')['queue'])

    def test_an_unanswered_queue_call_is_abandoned_whatever_its_answer_column(self):
        for answer in ('', '2024-05-01 09:30:00'):
            call = call_of(dstchannel='', answer=answer, billsec='0', disposition='NO ANSWER',
                           end='2024-05-01 09:30:40')
            # Wait = end − start = 40 s when nobody answered.
            self.assertEqual((call['status'], call['wait_seconds'], call['talk_seconds'], call['date_answer']),
                             ('abandoned', 40, 0, None))
        # Asterisk marks a queue call ANSWERED (music on hold) even when the caller hangs up before an agent.
        self.assertEqual(call_of(dstchannel='', disposition='ANSWERED')['status'], 'abandoned')

    def test_other_dispositions(self):
        self.assertEqual(call_of(disposition='BUSY', dstchannel='', lastapp='Dial')['status'], 'busy')
        self.assertEqual(call_of(disposition='FAILED', dstchannel='', lastapp='Dial')['status'], 'failed')
        self.assertEqual(call_of(disposition='CONGESTION', dstchannel='', lastapp='Dial')['status'], 'failed')
        self.assertEqual(call_of(disposition='NO ANSWER', lastapp='Dial', dstchannel='SIP/8001-1')['status'],
                         'missed')
        self.assertEqual(call_of(lastapp='BackGround', lastdata='welcome', dstchannel='')['status'],
                         'ivr_completed')

    def test_old_16_column_lines_get_a_stable_call_id(self):
        first = cdr.parse_asterisk_leg(master_line(short=True), SHANGHAI)
        again = cdr.parse_asterisk_leg(master_line(short=True), SHANGHAI)
        self.assertTrue(first['call_uid'].startswith('cdr-'))
        self.assertEqual((first['call_uid'], first['leg_uid']), (again['call_uid'], again['leg_uid']))
        later = cdr.parse_asterisk_leg(master_line(short=True, start='2024-05-01 09:31:00'), SHANGHAI)
        self.assertNotEqual(first['call_uid'], later['call_uid'])
        # The id such a line had before legs were merged, for the importer to find calls stored under it.
        self.assertEqual(first['legacy_call_uid'], cdr.derived_call_id(
            '13805310001', '96123', 'SIP/trunk-00000029', '2024-05-01 09:30:00', 'SIP/8001-0000002a'))
        self.assertIsNone(cdr.parse_asterisk_leg(master_line(), SHANGHAI)['legacy_call_uid'])

    def test_bad_lines_say_why_with_a_code(self):
        cases = [
            (dict(disposition='HUNG'), 'bad_disposition'),
            (dict(start='yesterday'), 'bad_time'),
            (dict(end=''), 'empty_column'),
            (dict(end='2024-05-01 09:00:00'), 'ends_before_start'),
            (dict(billsec='lots'), 'bad_seconds'),
        ]
        for values, code in cases:
            with self.assertRaises(cdr.CdrError) as caught:
                cdr.parse_asterisk_leg(master_line(**values), SHANGHAI)
            self.assertEqual(caught.exception.code, code)
        with self.assertRaises(cdr.CdrError) as caught:
            cdr.parse_asterisk_leg(['only', 'three', 'columns'])
        self.assertEqual((caught.exception.code, caught.exception.params), ('field_count', {'found': 3}))

    def test_a_file_yields_line_numbers_with_the_errors(self):
        text = csv_text(master_line(), master_line(disposition='HUNG', uniqueid='2')) + '\n' + csv_text(
            master_line(uniqueid='3'), master_line()[:17])
        rows = list(cdr.iter_cdr(text, 'asterisk', tz=SHANGHAI))
        self.assertEqual([(number, bool(leg), error.code if error else None) for number, leg, error in rows],
                         [(1, True, None), (2, False, 'bad_disposition'), (4, True, None), (5, False, 'field_count')])


class TestLayoutsAndEncodings(unittest.TestCase):
    """Issue 13 point 1: 16, 18 and 21 columns mixed, header or not, BOM, CRLF, GB18030/GBK."""

    def test_the_three_layouts_in_one_file(self):
        text = csv_text(master_line(short=True, src='13805310002'),
                        master_line(uniqueid='1706420300.1', src='13805310003'),
                        master_line(uniqueid='1706420300.2', linkedid='1706420300.2', sequence='12',
                                    src='13805310004'))
        short, default, modern = legs_of(text)
        self.assertEqual((short['uniqueid'], short['linkedid'], short['src']), (None, None, '13805310002'))
        self.assertEqual((default['call_uid'], default['linkedid']), ('1706420300.1', None))
        self.assertEqual((modern['call_uid'], modern['linkedid'], modern['sequence']),
                         ('1706420300.2', '1706420300.2', 12))

    def test_a_header_line_is_read_as_a_header_and_sets_the_column_order(self):
        header = list(cdr.ASTERISK_COLUMNS)
        # A header with two columns swapped: the lines below follow it.
        header[1], header[2] = header[2], header[1]
        row = master_line(uniqueid='h-1')
        row[1], row[2] = row[2], row[1]
        rows = list(cdr.iter_cdr(csv_text(header, row), 'asterisk', tz=SHANGHAI))
        self.assertEqual(len(rows), 1)
        line, leg, error = rows[0]
        self.assertEqual((line, error, leg['src'], leg['dst']), (2, None, '13805310001', '96123'))

    def test_bom_crlf_and_chinese_names_in_gbk(self):
        text = csv_text(master_line(clid='"王小明" <13805310001>'), master_line(uniqueid='2', clid='"李四" <8001>'),
                        line_end='\r\n')
        for data, encoding in ((('\ufeff' + text).encode('utf-8'), 'utf-8'), (text.encode('gbk'), 'gb18030'),
                               (text.encode('gb18030'), 'gb18030')):
            decoded, found = cdr.decode_cdr(data)
            self.assertEqual(found, encoding)
            first, second = legs_of(decoded)
            self.assertEqual((first['clid'], first['uniqueid'], second['uniqueid']),
                             ('"王小明" <13805310001>', '1714527000.42', '2'))
            self.assertEqual(cdr_legs.merge_legs([first])['caller_name'], '王小明')

    def test_a_forced_encoding(self):
        data = csv_text(master_line(clid='"王小明" <13805310001>')).encode('gbk')
        self.assertEqual(cdr.decode_cdr(data, 'gbk')[0], data.decode('gbk'))
        with self.assertRaises(cdr.CdrError) as caught:
            cdr.decode_cdr(data, 'utf-8')
        self.assertEqual(caught.exception.code, 'bad_encoding')
        with self.assertRaises(cdr.CdrError) as caught:
            cdr.decode_cdr(data, 'klingon')
        self.assertEqual(caught.exception.code, 'unknown_encoding')


class TestLegMerging(unittest.TestCase):
    """Issue 13 point 2: the legs of a call are one call."""

    def test_a_forked_call_answered_on_its_second_leg(self):
        # Dial(SIP/301&SIP/200): one line per ringing phone, same uniqueid, the unanswered leg first.
        text = csv_text(
            master_line(dst='200', lastapp='Dial', lastdata='SIP/301&SIP/200,30', dstchannel='SIP/301-00000002',
                        start='2024-01-28 13:38:20', answer='', end='2024-01-28 13:38:30', duration='10',
                        billsec='0', disposition='NO ANSWER', uniqueid='1706420300.0'),
            master_line(dst='200', lastapp='Dial', lastdata='SIP/301&SIP/200,30', dstchannel='SIP/200-00000003',
                        start='2024-01-28 13:38:20', answer='2024-01-28 13:38:26', end='2024-01-28 13:40:26',
                        duration='126', billsec='120', disposition='ANSWERED', uniqueid='1706420300.0'))
        legs = legs_of(text)
        self.assertEqual({leg['call_uid'] for leg in legs}, {'1706420300.0'})
        self.assertEqual(len({leg['leg_uid'] for leg in legs}), 2)
        call = cdr_legs.merge_legs(legs)
        # Wait = first answer 13:38:26 − start 13:38:20 = 6 s; talk = the answered leg's billsec = 120 s.
        self.assertEqual((call['status'], call['agent'], call['wait_seconds'], call['talk_seconds']),
                         ('answered', '200', 6, 120))
        self.assertEqual((call['date_start'], call['date_answer'], call['date_end']),
                         (datetime(2024, 1, 28, 5, 38, 20), datetime(2024, 1, 28, 5, 38, 26),
                          datetime(2024, 1, 28, 5, 40, 26)))
        # In whatever order the legs come.
        self.assertEqual(cdr_legs.merge_legs(list(reversed(legs))), call)

    def test_a_local_channel_pair_is_one_call(self):
        # A queue member reached through a Local channel: the caller's leg to Local/…;1, then the ;2 half
        # to the phone; 21 columns, one linkedid, uniqueids of their own.
        text = csv_text(
            master_line(dstchannel='Local/8001@from-queue-00000a1;1', lastdata='hotline,t,,,300',
                        uniqueid='pbx1-1706420300.0', linkedid='pbx1-1706420300.0', sequence='20',
                        start='2024-01-28 13:38:20', answer='2024-01-28 13:38:25', end='2024-01-28 13:41:25',
                        billsec='180'),
            master_line(channel='Local/8001@from-queue-00000a1;2', dstchannel='SIP/8001-00000004',
                        dcontext='from-queue', lastapp='Dial', lastdata='SIP/8001,,trM(auto-blkvm)',
                        uniqueid='pbx1-1706420305.2', linkedid='pbx1-1706420300.0', sequence='22',
                        start='2024-01-28 13:38:25', answer='2024-01-28 13:38:31', end='2024-01-28 13:41:25',
                        billsec='174'))
        legs = legs_of(text)
        self.assertEqual({leg['call_uid'] for leg in legs}, {'pbx1-1706420300.0'})
        call = cdr_legs.merge_legs(legs)
        # The first answer is the caller's leg at 13:38:25: wait 5 s, talk its billsec 180 s.
        self.assertEqual((call['call_uid'], call['direction'], call['queue'], call['agent'], call['status']),
                         ('pbx1-1706420300.0', 'in', 'hotline', '8001', 'answered'))
        self.assertEqual((call['wait_seconds'], call['talk_seconds'], call['caller_number']), (5, 180, '13805310001'))

    def test_lines_without_a_uniqueid_meet_on_the_callers_channel_and_start(self):
        first = cdr.parse_asterisk_leg(master_line(uniqueid='', dstchannel='SIP/301-1', disposition='NO ANSWER',
                                                   answer='', billsec='0'), SHANGHAI)
        second = cdr.parse_asterisk_leg(master_line(uniqueid='', dstchannel='SIP/8001-2'), SHANGHAI)
        self.assertTrue(first['call_uid'].startswith('cdr-'))
        self.assertEqual(first['call_uid'], second['call_uid'])
        self.assertNotEqual(first['leg_uid'], second['leg_uid'])
        self.assertEqual(cdr_legs.merge_legs([first, second])['agent'], '8001')

    def test_an_unanswered_fork_is_missed(self):
        legs = [cdr.parse_asterisk_leg(master_line(lastapp='Dial', lastdata='SIP/301&SIP/302', dstchannel=channel,
                                                   disposition=disposition, answer='', billsec='0'), SHANGHAI)
                for channel, disposition in (('SIP/301-1', 'NO ANSWER'), ('SIP/302-2', 'BUSY'))]
        call = cdr_legs.merge_legs(legs)
        self.assertEqual((call['status'], call['agent'], call['date_answer'], call['talk_seconds']),
                         ('missed', None, None, 0))


class TestDirection(unittest.TestCase):
    """Issue 13 point 3: outbound, internal and inbound calls."""

    def direction(self, **values):
        return call_of(**dict(dict(dcontext='from-internal', src='8001', channel='SIP/8001-00000010',
                                   lastapp='Dial', lastdata=''), **values))

    def test_outbound_calls_through_a_gateway_a_local_channel_or_a_trunk(self):
        for dstchannel in ('Dongle/dongle0-0100000001', 'Local/13805310001@from-internal-0000001;1',
                           'SIP/chinatelecom-0000002b', 'PJSIP/trunk_sh-00000031'):
            call = self.direction(dst='13805310001', dstchannel=dstchannel)
            self.assertEqual((call['direction'], call['agent']), ('out', '8001'), dstchannel)
        # Not answered and no channel created: the dialled number says it.
        call = self.direction(dst='013805310001', dstchannel='', disposition='NO ANSWER', answer='', billsec='0')
        self.assertEqual((call['direction'], call['status'], call['agent']), ('out', 'missed', '8001'))

    def test_an_extension_calling_an_extension_is_internal(self):
        call = self.direction(dst='8002', dstchannel='SIP/8002-00000011')
        self.assertEqual((call['direction'], call['agent']), ('internal', '8002'))

    def test_calls_from_a_trunk_are_inbound(self):
        self.assertEqual(call_of()['direction'], 'in')
        # A trunk named like an extension, in a context of incoming calls: still inbound.
        self.assertEqual(call_of(channel='SIP/96123-00000001', dcontext='from-trunk')['direction'], 'in')
        # A known agent extension that is not numeric tells the importer's extensions apart from trunks.
        leg = cdr.parse_asterisk_leg(master_line(channel='PJSIP/zhang-0001', dcontext='ext-local', dst='8002',
                                                 dstchannel='PJSIP/8002-0002', lastapp='Dial'), SHANGHAI)
        self.assertEqual(cdr_legs.merge_legs([leg])['direction'], 'in')
        self.assertEqual(cdr_legs.merge_legs([leg], extensions={'zhang'})['direction'], 'internal')


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
        self.assertEqual((n3, error3.code, error3.params['value']), (4, 'bad_direction', 'up'))
        self.assertEqual((n4, error4.code, error4.params), (5, 'header_field_count', {'expected': 9, 'found': 2}))

    def test_a_header_without_the_required_columns_is_refused(self):
        with self.assertRaises(cdr.CdrError) as caught:
            list(cdr.iter_cdr('a,b,c\n1,2,3\n', 'generic'))
        self.assertEqual(caught.exception.code, 'header_missing')
