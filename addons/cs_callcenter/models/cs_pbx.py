from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..services import pbx_token


class CsPbx(models.Model):
    """A telephone system allowed to post CTI events; it proves who it is with its token (header X-CS-Token).

    The token is write-only: writing it stores a salted hash, and nobody can read it back.
    """
    _name = 'cs.pbx'
    _description = 'Telephone System (PBX)'
    _order = 'name'

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)
    token = fields.Char(
        compute='_compute_token', inverse='_inverse_token', store=False, copy=False,
        help="Shared secret the PBX sends in the X-CS-Token header. Type a new one to replace it; it is "
             "stored hashed and cannot be read back.")
    token_hash = fields.Char(readonly=True, copy=False, groups='base.group_system')
    has_token = fields.Boolean(compute='_compute_has_token', string='Token Set')
    last_event_date = fields.Datetime('Last Event', readonly=True)
    note = fields.Text()

    @api.multi
    def _compute_token(self):
        for pbx in self:
            pbx.token = False

    @api.multi
    def _inverse_token(self):
        for pbx in self.filtered('token'):
            if len(pbx.token) < 12:
                raise ValidationError(_("A PBX token must be at least 12 characters long."))
            pbx.sudo().write({'token_hash': pbx_token.hash_token(pbx.token)})

    @api.multi
    def _compute_has_token(self):
        for pbx in self:
            pbx.has_token = bool(pbx.sudo().token_hash)

    @api.model
    def _authenticate(self, token):
        """The active PBX whose token is ``token`` (checked in constant time), or an empty recordset."""
        if not token:
            return self.browse()
        found = self.browse()
        for pbx in self.sudo().search([('token_hash', '!=', False)]):
            # Compare against every PBX so the time taken does not tell which one matched.
            if pbx_token.verify_token(token, pbx.token_hash) and not found:
                found = pbx
        return found
