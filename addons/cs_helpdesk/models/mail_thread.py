from odoo import api, models


class MailThread(models.AbstractModel):
    """Assignment notices are written in the language of the person assigned, not of the one assigning."""
    _inherit = 'mail.thread'

    @api.multi
    def _message_auto_subscribe_notify(self, partner_ids):
        langs = set(self.env['res.partner'].sudo().browse(partner_ids).mapped('lang')) - {False}
        if len(langs) == 1:
            self = self.with_context(lang=langs.pop())
        return super(MailThread, self)._message_auto_subscribe_notify(partner_ids)
