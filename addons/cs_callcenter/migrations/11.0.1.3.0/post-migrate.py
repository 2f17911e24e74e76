from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Outbound campaigns arrive with 11.0.1.3.0: a demo database upgraded to it gets the demo campaigns that
    a new one gets at install (Odoo loads demo data at install only)."""
    cr.execute("SELECT demo FROM ir_module_module WHERE name = 'cs_callcenter'")
    row = cr.fetchone()
    if row and row[0]:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env['cs.campaign.demo']._generate()
