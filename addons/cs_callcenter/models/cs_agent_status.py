from odoo import _, api, fields, models
from odoo.exceptions import UserError

AGENT_STATES = [
    ('offline', 'Offline'),
    ('ready', 'Ready'),
    ('on_call', 'On Call'),
    ('acw', 'After-Call Work'),
    ('break', 'Break'),
    ('meal', 'Meal'),
    ('training', 'Training'),
    ('meeting', 'Meeting'),
]
# States an agent may choose in the web client; on_call and after-call work come from the telephone system.
MANUAL_STATES = ('offline', 'ready', 'acw', 'break', 'meal', 'training', 'meeting')


class CsAgentStatus(models.Model):
    """One period an agent spent in one status (C5): the log that feeds occupancy and adherence.

    The open period of an agent has no end; a change closes it and opens the next one.
    """
    _name = 'cs.agent.status'
    _description = 'Agent Status'
    _order = 'date_start desc, id desc'
    _rec_name = 'state'

    user_id = fields.Many2one('res.users', 'Agent', required=True, index=True, ondelete='cascade')
    state = fields.Selection(AGENT_STATES, 'Status', required=True, index=True)
    date_start = fields.Datetime('From', required=True, index=True)
    date_end = fields.Datetime('To')
    duration_seconds = fields.Integer('Duration (s)', readonly=True, group_operator='sum',
                                      help="Seconds spent in this status; set when the period closes.")
    source = fields.Selection([('manual', 'Web Client'), ('cti', 'Telephone System')], default='manual',
                              required=True)
    call_id = fields.Many2one('cs.call', 'Call', ondelete='set null')
    company_id = fields.Many2one(related='user_id.company_id', store=True, readonly=True)

    @api.model
    def _set_state(self, user, state, when=None, source='manual', call=None):
        """Put ``user`` in ``state`` from ``when`` (a UTC string, default now); return the new period.

        Closes the open period with its duration. An event older than the open period changes nothing
        (a late CTI event must not turn back the clock); the same state again changes nothing either.
        """
        if state not in dict(AGENT_STATES):
            raise UserError(_("Unknown agent status %s.") % state)
        when = when or fields.Datetime.now()
        Status = self.sudo()
        current = Status.search([('user_id', '=', user.id), ('date_end', '=', False)], limit=1)
        if current and (current.date_start > when or current.state == state):
            return current
        if current:
            seconds = (fields.Datetime.from_string(when) - fields.Datetime.from_string(current.date_start))
            current.write({'date_end': when, 'duration_seconds': int(seconds.total_seconds())})
        period = Status.create({'user_id': user.id, 'state': state, 'date_start': when, 'source': source,
                                'call_id': call.id if call else False})
        user.sudo().write({'cs_agent_state': state, 'cs_agent_state_since': when})
        return period

    @api.model
    def set_my_state(self, state):
        """Called by the status menu of the web client: the current user changes their own status."""
        if state not in MANUAL_STATES:
            raise UserError(_("This status is set by the telephone system, not by hand."))
        self._set_state(self.env.user, state)
        return self.get_my_state()

    @api.model
    def get_my_state(self):
        """The current user's status and the choices offered in the web client, for the status menu."""
        labels = dict(self._fields['state']._description_selection(self.env))
        user = self.env.user
        return {
            'state': user.cs_agent_state or 'offline',
            'label': labels.get(user.cs_agent_state or 'offline'),
            'since': user.cs_agent_state_since or False,
            'choices': [[state, labels[state]] for state in MANUAL_STATES],
        }

    @api.model
    def _follow_call_event(self, call, event):
        """Agent status from CTI: answering puts the agent on call; hanging up an answered call starts
        after-call work."""
        when = fields.Datetime.to_string(event['timestamp'])
        if event['event'] == 'answer':
            self._set_state(call.agent_id, 'on_call', when, source='cti', call=call)
        elif event['event'] == 'hangup' and call.status == 'answered':
            self._set_state(call.agent_id, 'acw', when, source='cti', call=call)
