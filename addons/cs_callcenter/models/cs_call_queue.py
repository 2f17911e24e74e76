from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsCallQueue(models.Model):
    """A queue (skill group) of the telephone system: the agents who answer it and its service-level goal.

    The defaults come from S4: answer within 8 seconds, the 5-second IVR announcement included.
    """
    _name = 'cs.call.queue'
    _description = 'Call Queue'
    _inherit = ['mail.thread']
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True, track_visibility='onchange')
    code = fields.Char(
        required=True, track_visibility='onchange',
        help="The queue's name in the telephone system (Asterisk queue, CTI 'queue' field).")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    team_id = fields.Many2one('cs.team', 'Team', help="The team whose agents take this queue's calls.")
    member_ids = fields.Many2many(
        'res.users', 'cs_call_queue_member_rel', 'queue_id', 'user_id', string='Agents')
    sl_threshold_seconds = fields.Integer(
        'Answer Within (s)', default=8, track_visibility='onchange',
        help="Service level: a call counts as answered in time when an agent picks it up within this many "
             "seconds, IVR announcement included.")
    sl_target_percent = fields.Float(
        'Service Level Target (%)', default=80.0, track_visibility='onchange',
        help="Share of calls that must be answered within the threshold.")
    ivr_announcement_seconds = fields.Integer(
        'IVR Announcement (s)', default=5,
        help="Length of the greeting played before the call reaches an agent.")
    calendar_id = fields.Many2one('resource.calendar', 'Working Hours')
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)

    _sql_constraints = [
        ('code_company_unique', 'unique(code, company_id)', 'Another queue already has this code.'),
    ]

    @api.constrains('sl_threshold_seconds', 'sl_target_percent', 'ivr_announcement_seconds')
    def _check_service_level(self):
        for queue in self:
            if queue.sl_threshold_seconds <= 0:
                raise ValidationError(_("Queue %s: the answer threshold must be a positive number of seconds.")
                                      % queue.name)
            if not 0 < queue.sl_target_percent <= 100:
                raise ValidationError(_("Queue %s: the service level target must be between 0 and 100 %%.")
                                      % queue.name)
            if not 0 <= queue.ivr_announcement_seconds < queue.sl_threshold_seconds:
                raise ValidationError(_("Queue %s: the IVR announcement must be shorter than the answer "
                                        "threshold it is part of.") % queue.name)
