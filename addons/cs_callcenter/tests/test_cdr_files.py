"""Issue 13: real Master.csv files in every shape, stored calls checked field by field; legs on the call and
who may see them."""
from odoo.exceptions import AccessError

from .test_cdr_import import CdrImportCase
from .test_cdr_service import csv_text, master_line
from odoo.addons.cs_callcenter.services import cdr

FORK_NO_ANSWER = dict(dst='96123', lastapp='Dial', lastdata='SIP/7002&SIP/7001,30', dstchannel='SIP/7002-00000002',
                      start='2024-01-28 13:38:20', answer='', end='2024-01-28 13:38:30', duration='10', billsec='0',
                      disposition='NO ANSWER', uniqueid='t-cdr-fork', linkedid='t-cdr-fork', sequence='3')
FORK_ANSWERED = dict(FORK_NO_ANSWER, dstchannel='SIP/7001-00000003', answer='2024-01-28 13:38:26',
                     end='2024-01-28 13:40:26', duration='126', billsec='120', disposition='ANSWERED', sequence='4')


def modern_file():
    """21 columns with a header line, a UTF-8 BOM and CRLF line ends: a forked call (the unanswered leg first)
    and a queue call answered through a Local channel pair, with a system-name prefixed uniqueid."""
    return '\ufeff' + csv_text(
        list(cdr.ASTERISK_COLUMNS_21),
        master_line(**FORK_NO_ANSWER),
        master_line(**FORK_ANSWERED),
        master_line(dstchannel='Local/7001@from-queue-00000a1;1', lastdata='t_queue_a,t,,,300',
                    uniqueid='pbx1-1706420300.0', linkedid='pbx1-1706420300.0', sequence='20',
                    start='2024-01-28 14:00:00', answer='2024-01-28 14:00:05', end='2024-01-28 14:03:05',
                    duration='185', billsec='180', clid='"马建国" <13805310001>'),
        master_line(channel='Local/7001@from-queue-00000a1;2', dstchannel='SIP/7001-00000004', dcontext='from-queue',
                    lastapp='Dial', lastdata='SIP/7001,,trM(auto-blkvm)', uniqueid='pbx1-1706420305.2',
                    linkedid='pbx1-1706420300.0', sequence='22', start='2024-01-28 14:00:05',
                    answer='2024-01-28 14:00:07', end='2024-01-28 14:03:05', duration='180', billsec='178'),
        line_end='\r\n')


def chinese_pbx_file():
    """18 columns in GBK, no header: an outbound call through a GSM gateway, an internal call, and a queue call
    from a caller with a Chinese name and an empty uniqueid that nobody answered."""
    return csv_text(
        master_line(src='7002', dst='13905310002', dcontext='from-internal', channel='SIP/7002-00000010',
                    dstchannel='Dongle/dongle0-0100000001', lastapp='Dial', lastdata='Dongle/dongle0/13905310002',
                    start='2024-01-28 15:00:00', answer='2024-01-28 15:00:09', end='2024-01-28 15:01:09',
                    duration='69', billsec='60', uniqueid='t-cdr-out', clid='"李娜" <7002>'),
        master_line(src='7001', dst='7101', dcontext='from-internal', channel='SIP/7001-00000011',
                    dstchannel='SIP/7101-00000012', lastapp='Dial', lastdata='SIP/7101,20',
                    start='2024-01-28 15:10:00', answer='2024-01-28 15:10:03', end='2024-01-28 15:11:03',
                    duration='63', billsec='60', uniqueid='t-cdr-internal', clid='"张伟" <7001>'),
        master_line(src='13805310001', dstchannel='', lastdata='t_queue_b', answer='', start='2024-01-28 15:20:00',
                    end='2024-01-28 15:20:45', duration='45', billsec='0', disposition='NO ANSWER', uniqueid='',
                    clid='"王小明" <13805310001>'),
    ).encode('gbk')


def old_file():
    """16 columns (no uniqueid, no userfield)."""
    return csv_text(master_line(short=True, lastdata='t_queue_a', dstchannel='SIP/7002-00000020',
                                start='2024-01-28 16:00:00', answer='2024-01-28 16:00:04', end='2024-01-28 16:02:04',
                                billsec='120'))


class TestCdrFiles(CdrImportCase):

    def call(self, call_uid):
        call = self.env['cs.call'].search([('call_uid', '=', call_uid)])
        self.assertEqual(len(call), 1, call_uid)
        return call

    def assertCall(self, call, **expected):
        actual = {name: (call[name].id if hasattr(call[name], 'id') and call._fields[name].type == 'many2one'
                         else call[name]) for name in expected}
        expected = {name: (value.id if hasattr(value, 'id') else value) for name, value in expected.items()}
        self.assertEqual(actual, expected, call.call_uid)

    def test_a_modern_file_with_a_forked_call_and_a_local_channel_pair(self):
        report = self.run_import(modern_file().encode('utf-8'))
        # 5 lines (the header among them); 2 calls of 2 legs each: 2 legs merged into a call another made.
        self.assertEqual(self.counts(report), (5, 2, 0, 2, 0, 0))
        fork = self.call('t-cdr-fork')
        # Shanghai 13:38:20 = 05:38:20 UTC; wait = first answer 13:38:26 − start = 6 s; talk = billsec 120 s.
        self.assertCall(fork, direction='in', caller_number='+8613805310001', caller_name='张',
                        callee_number='96123', partner_id=self.customer, queue_id=False, agent_id=self.agent_a,
                        team_id=self.team_a, date_start='2024-01-28 05:38:20', date_answer='2024-01-28 05:38:26',
                        date_end='2024-01-28 05:40:26', wait_seconds=6, talk_seconds=120, status='answered',
                        disposition='ANSWERED', source='cdr', progress='done')
        self.assertEqual(fork.sudo(self.supervisor).leg_ids.mapped('disposition'), ['NO ANSWER', 'ANSWERED'])
        local = self.call('pbx1-1706420300.0')
        # The caller's leg answered first (14:00:05): wait 5 s, talk its billsec 180 s; agent 7001 on both halves.
        self.assertCall(local, direction='in', caller_name='马建国', queue_id=self.queue_a, agent_id=self.agent_a,
                        team_id=self.team_a, date_start='2024-01-28 06:00:00', date_answer='2024-01-28 06:00:05',
                        date_end='2024-01-28 06:03:05', wait_seconds=5, talk_seconds=180, status='answered')
        legs = local.sudo(self.supervisor).leg_ids
        self.assertEqual(legs.mapped('uniqueid'), ['pbx1-1706420300.0', 'pbx1-1706420305.2'])
        self.assertEqual(legs.mapped('cdr_sequence'), [20, 22])
        self.assertEqual(legs[0].queue_code, 't_queue_a')

    def test_a_chinese_pbx_file_in_gbk(self):
        report = self.run_import(chinese_pbx_file())
        self.assertEqual((report['encoding'],) + self.counts(report), ('gb18030', 3, 3, 0, 0, 0, 0))
        outbound = self.call('t-cdr-out')
        # Outbound: the agent is the caller's extension, the customer the callee; wait 9 s to the answer.
        self.assertCall(outbound, direction='out', caller_number='7002', caller_name='李娜',
                        callee_number='+8613905310002', partner_id=self.customer_no_address,
                        agent_id=self.agent_a2, queue_id=False, wait_seconds=9, talk_seconds=60, status='answered')
        internal = self.call('t-cdr-internal')
        self.assertCall(internal, direction='internal', caller_number='7001', callee_number='7101', partner_id=False,
                        agent_id=self.agent_b, team_id=self.team_b, status='answered', talk_seconds=60)
        derived = cdr.derived_call_id('13805310001', 'SIP/trunk-00000029', '2024-01-28 15:20:00')
        abandoned = self.call(derived)
        self.assertCall(abandoned, direction='in', caller_name='王小明', partner_id=self.customer,
                        queue_id=self.queue_b, team_id=self.team_b, agent_id=False, date_answer=False,
                        wait_seconds=45, talk_seconds=0, status='abandoned', disposition='NO ANSWER')
        self.assertEqual(self.run_import(chinese_pbx_file())['calls_created'], 0)
        # Forced, the same encoding reads the same names.
        self.assertEqual(self.run_import(chinese_pbx_file(), encoding='gbk')['legs_known'], 3)

    def test_an_old_16_column_file(self):
        report = self.run_import(old_file())
        self.assertEqual(self.counts(report), (1, 1, 0, 0, 0, 0))
        call = self.env['cs.call'].search([('call_uid', '=like', 'cdr-%'), ('agent_id', '=', self.agent_a2.id)])
        self.assertCall(call, queue_id=self.queue_a, status='answered', wait_seconds=4, talk_seconds=120,
                        date_start='2024-01-28 08:00:00')
        self.assertEqual(self.run_import(old_file())['legs_known'], 1)

    def test_a_16_column_call_imported_before_legs_were_kept_is_found_again(self):
        # Suite 11.0.1.1 gave a line without uniqueid the id of its src, dst, channel, start and dstchannel.
        legacy = cdr.derived_call_id('13805310001', '96123', 'SIP/trunk-00000029', '2024-01-28 16:00:00',
                                     'SIP/7002-00000020')
        self.importer()._bulk_insert([{
            'line': 1, 'call_uid': legacy, 'direction': 'in', 'caller_number': '+8613805310001',
            'callee_number': '96123', 'queue_id': self.queue_a.id, 'agent_id': self.agent_a2.id,
            'company_id': self.agent_a2.company_id.id, 'date_start': '2024-01-28 08:00:00',
            'date_answer': '2024-01-28 08:00:04', 'date_end': '2024-01-28 08:02:04', 'wait_seconds': 4,
            'talk_seconds': 120, 'status': 'answered', 'disposition': 'ANSWERED'}])
        report = self.run_import(old_file())
        # No new call: the leg joins the stored one (a leg merged into a call it did not make), which gains
        # its caller's name.
        self.assertEqual(self.counts(report), (1, 0, 1, 1, 0, 0))
        call = self.call(legacy)
        self.assertCall(call, caller_name='张', agent_id=self.agent_a2, status='answered', talk_seconds=120)
        self.assertEqual(len(call.sudo(self.director).leg_ids), 1)
        self.assertEqual(self.counts(self.run_import(old_file())), (1, 0, 0, 0, 0, 0))

    def test_layouts_mixed_across_files_and_in_one(self):
        text = modern_file().lstrip('\ufeff') + old_file() + chinese_pbx_file().decode('gbk')
        report = self.run_import(text.encode('gb18030'))
        self.assertEqual(self.counts(report), (9, 6, 0, 2, 0, 0))

    def test_a_later_file_that_overlaps_completes_the_call_and_a_repeat_changes_nothing(self):
        first = self.run_import(csv_text(master_line(**FORK_NO_ANSWER)))
        self.assertEqual(self.counts(first), (1, 1, 0, 0, 0, 0))
        fork = self.call('t-cdr-fork')
        # Only the unanswered leg of a Dial: missed, nobody's, wait = end − start = 10 s.
        self.assertCall(fork, status='missed', agent_id=False, wait_seconds=10, talk_seconds=0, date_answer=False)
        overlapping = csv_text(master_line(**FORK_NO_ANSWER), master_line(**FORK_ANSWERED))
        second = self.run_import(overlapping)
        self.assertEqual(self.counts(second) + (second['legs_known'],), (2, 0, 1, 1, 0, 0, 1))
        self.assertCall(fork, status='answered', agent_id=self.agent_a, team_id=self.team_a, wait_seconds=6,
                        talk_seconds=120, date_answer='2024-01-28 05:38:26', date_end='2024-01-28 05:40:26')
        third = self.run_import(overlapping)
        self.assertEqual(self.counts(third) + (third['legs_known'],), (2, 0, 0, 0, 0, 0, 2))
        self.assertEqual(len(fork.sudo(self.director).leg_ids), 2)

    def test_a_cti_call_keeps_its_figures_and_gains_its_legs(self):
        call = self.cti('ring', call_id='t-cdr-fork')
        report = self.run_import(csv_text(master_line(**FORK_NO_ANSWER), master_line(**FORK_ANSWERED)))
        self.assertEqual((report['calls_created'], report['calls_updated']), (0, 0))
        self.assertEqual((call.source, call.progress), ('cti', 'ringing'))
        self.assertEqual(len(call.sudo(self.supervisor).leg_ids), 2)


class TestCallLegAccess(CdrImportCase):
    """Legs are read-only PBX facts: supervisors see those of the calls they see, directors all; other roles
    see none (agents need not)."""

    @classmethod
    def setUpClass(cls):
        super(TestCallLegAccess, cls).setUpClass()
        cls.trainer = cls._make_user('t_trainer', '陈静', 'group_cs_trainer')
        cls.env['cs.cdr.importer'].sudo(cls.supervisor)._import_content(
            csv_text(master_line(**FORK_NO_ANSWER), master_line(**FORK_ANSWERED),
                     master_line(dstchannel='SIP/6666-1', lastapp='Dial', lastdata='', uniqueid='t-cdr-nobody')),
            tz='Asia/Shanghai')
        cls.fork = cls.env['cs.call'].search([('call_uid', '=', 't-cdr-fork')])
        cls.nobody = cls.env['cs.call'].search([('call_uid', '=', 't-cdr-nobody')])

    def test_roles_below_supervisor_read_no_leg(self):
        Leg = self.env['cs.call.leg']
        for user in (self.agent_a, self.leader_a, self.inspector, self.trainer):
            with self.assertRaises(AccessError, msg=user.login):
                Leg.sudo(user).search([])
            # The call itself reads as before, without its legs.
            self.assertNotIn('leg_ids', self.env['cs.call'].sudo(user).fields_get())
        self.assertEqual(self.fork.sudo(self.agent_a).read(['status'])[0]['status'], 'answered')

    def test_supervisors_see_the_legs_of_their_teams_calls_and_directors_all(self):
        Leg = self.env['cs.call.leg']
        self.assertEqual(Leg.sudo(self.supervisor).search([('call_id', 'in', (self.fork | self.nobody).ids)]).mapped(
            'call_id'), self.fork)
        self.assertEqual(Leg.sudo(self.director).search([('call_id', 'in', (self.fork | self.nobody).ids)]).mapped(
            'call_id'), self.fork | self.nobody)

    def test_no_role_writes_creates_or_deletes_a_leg(self):
        leg = self.fork.leg_ids[:1]
        for user in (self.supervisor, self.director):
            with self.assertRaises(AccessError, msg=user.login):
                leg.sudo(user).write({'billsec': 999})
            with self.assertRaises(AccessError, msg=user.login):
                leg.sudo(user).unlink()
            with self.assertRaises(AccessError, msg=user.login):
                self.env['cs.call.leg'].sudo(user).create({'call_id': self.fork.id, 'leg_uid': 'forged'})
