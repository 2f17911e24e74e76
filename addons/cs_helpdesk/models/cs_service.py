from odoo import fields, models


class CsService(models.Model):
    """A line of business of the operator (业务): cable TV, broadband, landline ...

    A work order says which service it concerns, and a mass-outage bulletin which services are down.
    """
    _name = 'cs.service'
    _description = 'Service'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short technical code, used by integrations and reports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'There is already a service with this code.'),
    ]
