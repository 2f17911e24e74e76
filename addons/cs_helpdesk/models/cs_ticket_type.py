from odoo import fields, models

TYPE_CODES = [
    ('consult', 'Enquiry'),
    ('request', 'Service Request'),
    ('complaint', 'Complaint'),
    ('repair', 'Repair'),
    ('query', 'Information Lookup'),
    ('appointment', 'Appointment'),
    ('collection', 'Payment Reminder'),
    ('suggestion', 'Suggestion'),
]


class CsTicketType(models.Model):
    """Kind of work order (业务咨询, 故障报修, 投诉 ...). The codes are the public contract."""
    _name = 'cs.ticket.type'
    _description = 'Work Order Type'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(TYPE_CODES, required=True)
    sequence = fields.Integer(default=10)
    requires_contact = fields.Boolean(
        'Requires Address and Phone',
        help="Orders of this type cannot leave the New stage without a valid phone number and an address "
             "(repair and complaint orders: an erroneous order is an appraisal deduction).")
    description = fields.Text(translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'There is already a work order type with this code.'),
    ]
