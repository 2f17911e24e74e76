from odoo import api, models


class CsCallQueue(models.Model):
    """The certification gate of R9 on the queue side (C4): only certified agents join a queue."""
    _inherit = 'cs.call.queue'

    @api.model
    def create(self, vals):
        queue = super(CsCallQueue, self).create(vals)
        queue.member_ids._cs_check_certified('queue')
        return queue

    @api.multi
    def write(self, vals):
        if 'member_ids' not in vals:
            return super(CsCallQueue, self).write(vals)
        before = {queue.id: queue.member_ids for queue in self}
        result = super(CsCallQueue, self).write(vals)
        added = self.env['res.users']
        for queue in self:
            added |= queue.member_ids - before[queue.id]
        added._cs_check_certified('queue')
        return result
