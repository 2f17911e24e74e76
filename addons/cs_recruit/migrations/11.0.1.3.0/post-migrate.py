"""Upgrade from 11.0.1.2.0 of a demo database: demo data loads at installation only, so what changed in it is
applied here. The recruiter lands on the applications and the trainer on the training sessions; Odoo's own
demo applicants, employees and departments are archived; the English chatter of the demo is rewritten in
Chinese. Interview meetings become private: they name the candidate."""
from odoo import SUPERUSER_ID, api

LANDINGS = {
    'cs_recruit.user_recruiter': 'cs_recruit.hr_applicant_action_cs',
    'cs_helpdesk.user_trainer': 'cs_recruit.cs_training_session_action',
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env['cs.interview'].with_context(active_test=False).search([]).mapped('event_id').write({'privacy': 'private'})
    if not env.ref('cs_recruit.user_recruiter', raise_if_not_found=False):
        return  # not a demo database
    for user, action in LANDINGS.items():
        record = env.ref(user, raise_if_not_found=False)
        if record:
            record.action_id = env.ref(action).id
    env['cs.demo.language']._archive_odoo_demo_people()
    env['cs.demo.language']._translate_demo_chatter()
