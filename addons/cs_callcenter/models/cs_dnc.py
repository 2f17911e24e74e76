from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsDnc(models.Model):
    """A number on the do-not-call list: no campaign generates, imports or logs a contact on it."""
    _name = 'cs.dnc'
    _description = 'Do-Not-Call Number'
    _rec_name = 'phone'
    _order = 'phone'

    phone = fields.Char('Number', required=True, index=True, help="Stored in E.164 form, as calls are.")
    reason = fields.Char('Reason')

    _sql_constraints = [('phone_unique', 'unique(phone)', 'This number is already on the do-not-call list.')]

    @api.model
    def _normalized(self, phone):
        e164 = self.env['cs.call'].normalize_number(phone)
        if not e164 or not e164.startswith('+'):
            raise ValidationError(_("%s is not a valid telephone number.") % (phone or ''))
        return e164

    @api.model
    def create(self, vals):
        vals = dict(vals, phone=self._normalized(vals.get('phone')))
        return super(CsDnc, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'phone' in vals:
            vals = dict(vals, phone=self._normalized(vals['phone']))
        return super(CsDnc, self).write(vals)

    @api.model
    def _blocked_numbers(self, numbers):
        """The numbers among ``numbers`` (E.164) that are on the list."""
        numbers = [number for number in numbers if number]
        if not numbers:
            return set()
        return set(self.sudo().search([('phone', 'in', numbers)]).mapped('phone'))
