from odoo import api
from odoo.models import check_method_name
from odoo.tests.common import SavepointCase


def rpc(env, user, model, method, *args, **kwargs):
    """Call ``model.method(*args, **kwargs)`` as ``user`` the way a client's RPC reaches it: Odoo's dispatch
    (``odoo.service.model.execute_cr``, ``/web/dataset/call_kw``) refuses private names, then ``api.call_kw``
    runs the method, on the records whose ids come first in ``args`` for a record method."""
    check_method_name(method)
    return api.call_kw(env(user=user.id)[model], method, list(args), kwargs)


class HelpdeskCase(SavepointCase):
    """Two teams, a user in each role, and customers: the fixture every helpdesk test starts from.

    Team A: agents Zhang (agent_a) and Li (agent_a2), leader Wang, supervisor Liu.
    Team B: agent Wu (agent_b), leader Huang, supervisor Liu.
    """

    @classmethod
    def setUpClass(cls):
        super(HelpdeskCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False, no_reset_password=True))
        if not cls.env['res.lang'].search([('code', '=', 'en_US')]):
            cls.env['res.lang'].load_lang('en_US')
        cls.agent_a = cls._make_user('t_agent_a', '张伟', 'group_cs_agent')
        cls.agent_a2 = cls._make_user('t_agent_a2', '李娜', 'group_cs_agent')
        cls.agent_b = cls._make_user('t_agent_b', '吴磊', 'group_cs_agent')
        cls.leader_a = cls._make_user('t_leader_a', '王强', 'group_cs_leader')
        cls.leader_b = cls._make_user('t_leader_b', '黄磊', 'group_cs_leader')
        cls.supervisor = cls._make_user('t_supervisor', '刘洋', 'group_cs_supervisor')
        cls.director = cls._make_user('t_director', '孙丽', 'group_cs_director')
        cls.inspector = cls._make_user('t_inspector', '赵敏', 'group_cs_inspector')
        Team = cls.env['cs.team']
        cls.team_a = Team.create({
            'name': 'Test Team A', 'code': 'TA', 'alias_name': 'cs-test-team-a',
            'leader_id': cls.leader_a.id, 'supervisor_id': cls.supervisor.id,
            'member_ids': [(6, 0, [cls.agent_a.id, cls.agent_a2.id, cls.inspector.id])],
        })
        cls.team_b = Team.create({
            'name': 'Test Team B', 'code': 'TB',
            'leader_id': cls.leader_b.id, 'supervisor_id': cls.supervisor.id,
            'member_ids': [(6, 0, [cls.agent_b.id])],
        })
        cls.customer = cls.env['res.partner'].create({
            'name': '马建国', 'mobile': '13805310001', 'email': 'ma.jianguo@example.com',
            'city': '济南市', 'street': '历下区经十路 100 号', 'street2': '2单元301室',
        })
        cls.customer_no_address = cls.env['res.partner'].create({'name': '高秀英', 'mobile': '13905310002'})
        cls.type_consult = cls.env.ref('cs_helpdesk.type_consult')
        cls.type_repair = cls.env.ref('cs_helpdesk.type_repair')
        cls.type_complaint = cls.env.ref('cs_helpdesk.type_complaint')
        cls.stage_new = cls.env.ref('cs_helpdesk.stage_new')
        cls.stage_assigned = cls.env.ref('cs_helpdesk.stage_assigned')
        cls.stage_resolved = cls.env.ref('cs_helpdesk.stage_resolved')
        cls.stage_closed = cls.env.ref('cs_helpdesk.stage_closed')

    @classmethod
    def _make_user(cls, login, name, group_xmlid):
        return cls.env['res.users'].create({
            'login': login,
            'name': name,
            'email': '%s@example.com' % login,
            'lang': 'en_US',  # the tests read the English source of messages
            'groups_id': [(6, 0, [cls.env.ref('cs_helpdesk.%s' % group_xmlid).id])],
        })

    def create_ticket(self, user, **values):
        """Create a work order as ``user``, as if they took the call."""
        values.setdefault('name', '宽带无法上网')
        values.setdefault('partner_id', self.customer.id)
        return self.env['cs.ticket'].sudo(user).create(values)
