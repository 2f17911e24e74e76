from odoo.addons.cs_helpdesk.tests.common import HelpdeskCase


class CallCenterCase(HelpdeskCase):
    """The helpdesk fixture plus a PBX with a known token, a queue of team A and the agents' extensions.

    Extensions: agent_a 7001, agent_a2 7002, agent_b 7101, leader_a 7901.
    """
    TOKEN = 'test-pbx-token-0001'

    @classmethod
    def setUpClass(cls):
        super(CallCenterCase, cls).setUpClass()
        for user, extension in ((cls.agent_a, '7001'), (cls.agent_a2, '7002'), (cls.agent_b, '7101'),
                                (cls.leader_a, '7901')):
            user.cs_extension = extension
        cls.pbx = cls.env['cs.pbx'].create({'name': 'Test PBX', 'token': cls.TOKEN})
        cls.queue_a = cls.env['cs.call.queue'].create({
            'name': '测试热线 A', 'code': 't_queue_a', 'team_id': cls.team_a.id,
            'member_ids': [(6, 0, [cls.agent_a.id, cls.agent_a2.id])]})
        cls.queue_b = cls.env['cs.call.queue'].create({
            'name': '测试热线 B', 'code': 't_queue_b', 'team_id': cls.team_b.id,
            'member_ids': [(6, 0, [cls.agent_b.id])]})

    def cti(self, event, call_id='t-call-1', **values):
        """Post one CTI event through the model, as the controller does."""
        body = {'event': event, 'call_id': call_id, 'timestamp': values.pop('timestamp', '2024-05-01T09:30:00+08:00')}
        if event == 'ring':
            body.update({'from': '13805310001', 'to': '96123', 'direction': 'in', 'queue': 't_queue_a',
                         'agent': '7001'})
        body.update(values)
        return self.env['cs.call'].process_cti_event(self.pbx, body)
