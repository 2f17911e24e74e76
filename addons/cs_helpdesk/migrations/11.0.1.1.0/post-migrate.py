"""Upgrade from 11.0.1.0.0 of a demo database: demo data loads at installation only, so what changed in it is
applied here. Leaders, supervisors and directors land on the escalations and SLA alerts, inspectors on the
complaints and praise about agents; the English chatter of the demo is rewritten in Chinese."""
from odoo import SUPERUSER_ID, api

LANDINGS = {
    'cs_helpdesk.cs_ticket_action_escalation': ('user_leader', 'user_leader2', 'user_supervisor', 'user_director'),
    'cs_helpdesk.cs_agent_feedback_action': ('user_inspector',),
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    if not env.ref('cs_helpdesk.user_leader', raise_if_not_found=False):
        return  # not a demo database
    for action, users in LANDINGS.items():
        for user in users:
            record = env.ref('cs_helpdesk.' + user, raise_if_not_found=False)
            if record:
                record.action_id = env.ref(action).id
    env['cs.demo.language']._translate_demo_chatter()
