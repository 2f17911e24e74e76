from odoo import api, fields, models


class CsTicketStageLog(models.Model):
    """One stay of a work order in a stage: the SLA clock reads the stays in pausing stages from it."""
    _name = 'cs.ticket.stage.log'
    _description = 'Work Order Stage History'
    _order = 'ticket_id, date_start, id'

    ticket_id = fields.Many2one('cs.ticket', 'Work Order', required=True, ondelete='cascade', index=True)
    stage_id = fields.Many2one('cs.ticket.stage', 'Stage', required=True, ondelete='restrict')
    date_start = fields.Datetime('Entered', required=True)
    date_end = fields.Datetime('Left')
    user_id = fields.Many2one('res.users', 'Moved by', default=lambda self: self.env.uid)
    duration_hours = fields.Float('Hours in Stage', compute='_compute_duration_hours')

    @api.depends('date_start', 'date_end')
    def _compute_duration_hours(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        for log in self:
            end = fields.Datetime.from_string(log.date_end) if log.date_end else now
            log.duration_hours = (end - fields.Datetime.from_string(log.date_start)).total_seconds() / 3600.0
