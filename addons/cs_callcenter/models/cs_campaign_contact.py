from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..services import dialler_outcomes
from .cs_campaign_attempt import OUTCOMES

CONTACT_STATES = [('pending', 'Pending'), ('callback', 'Callback'), ('done', 'Done'), ('exhausted', 'Exhausted')]
# What the attempts decide: read-only for every role, written as the superuser by action_log_attempt.
PROCESS_FIELDS = frozenset(['state', 'attempt_count', 'last_outcome', 'callback_date', 'call_id'])


class CsCampaignContact(models.Model):
    """A customer to call in a campaign, with the most specific script of the campaign for their segment."""
    _name = 'cs.campaign.contact'
    _description = 'Campaign Contact'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'campaign_id, id'

    campaign_id = fields.Many2one('cs.campaign', 'Campaign', required=True, index=True, ondelete='cascade')
    partner_id = fields.Many2one('res.partner', 'Customer', index=True, ondelete='set null')
    name = fields.Char('Name', compute='_compute_name', store=True)
    phone = fields.Char('Number', required=True, index=True, help="Stored in E.164 form, as calls are.")
    gender = fields.Selection(related='partner_id.cs_gender', readonly=True, string='Gender')
    age_band = fields.Selection(related='partner_id.cs_age_band', readonly=True, string='Age Band')
    script_id = fields.Many2one('cs.campaign.script', 'Script', compute='_compute_script_id', compute_sudo=True)
    script_body = fields.Text('Script Text', related='script_id.body', readonly=True)
    user_id = fields.Many2one('res.users', 'Agent', index=True)
    state = fields.Selection(CONTACT_STATES, default='pending', required=True, index=True, readonly=True)
    attempt_count = fields.Integer('Attempts', readonly=True)
    last_outcome = fields.Selection(OUTCOMES, 'Last Outcome', readonly=True)
    callback_date = fields.Date('Callback on', readonly=True)
    call_id = fields.Many2one('cs.call', 'Ringing Call', readonly=True,
                              help="The outbound call the PBX reported to this number, linked to the next attempt.")
    attempt_ids = fields.One2many('cs.campaign.attempt', 'contact_id', 'Attempts', readonly=True)
    company_id = fields.Many2one(related='campaign_id.company_id', store=True, readonly=True)

    _sql_constraints = [
        ('campaign_phone_unique', 'unique(campaign_id, phone)', 'This number is already in the campaign.'),
    ]

    @api.depends('partner_id.name', 'phone')
    def _compute_name(self):
        for contact in self:
            contact.name = contact.partner_id.name or contact.phone

    @api.depends('campaign_id.script_ids', 'partner_id.cs_gender', 'partner_id.cs_age_band')
    def _compute_script_id(self):
        # As the superuser: the agent reads their contact, not every customer the prefetch would touch.
        for contact in self:
            partner = contact.sudo().partner_id
            scripts = contact.campaign_id.sudo().script_ids
            best = dialler_outcomes.pick_script([(script.id, script.gender, script.age_band) for script in scripts],
                                                partner.cs_gender, partner.cs_age_band)
            contact.script_id = best or False

    # ------------------------------------------------------------------ CRUD

    @api.model
    def create(self, vals):
        self._check_process_fields(vals)
        vals = dict(vals)
        partner = self.env['res.partner'].browse(vals['partner_id']) if vals.get('partner_id') else None
        raw = vals.get('phone') or (partner and (partner.cs_mobile_e164 or partner.cs_phone_e164 or
                                                 partner.mobile or partner.phone))
        vals['phone'] = self._valid_number(raw, partner and partner.name)
        if not partner:
            vals['partner_id'] = self.env['res.partner'].cs_find_by_number(vals['phone']).id or False
        return super(CsCampaignContact, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_process_fields(vals)
        if vals.get('phone'):
            vals = dict(vals, phone=self._valid_number(vals['phone'], self[:1].name))
        return super(CsCampaignContact, self).write(vals)

    @api.model
    def _check_process_fields(self, vals):
        self._cs_refuse_process_fields(vals, PROCESS_FIELDS, _(
            "These facts of a campaign contact come from "
            "its attempts and cannot be written by hand: %s."))

    @api.model
    def _valid_number(self, raw, name=None):
        """``raw`` in E.164, or a ValidationError naming the contact: the number is invalid or on the
        do-not-call list (an import stops at that line, with this message)."""
        label = name or raw or ''
        e164 = self.env['cs.call'].normalize_number(raw) if raw else False
        if not e164 or not e164.startswith('+'):
            raise ValidationError(_("Contact %s: %s is not a valid telephone number.") % (label, raw or _('(empty)')))
        if self.env['cs.dnc']._blocked_numbers([e164]):
            raise ValidationError(_("Contact %s: %s is on the do-not-call list.") % (label, e164))
        return e164

    # ------------------------------------------------------------------ actions

    @api.model
    def action_next_contact(self):
        """Open the calling agent's next contact: a callback due today or earlier first, then a pending
        contact of their running campaigns (given to them); their contact list when there is none."""
        self.check_access_rights('read')
        uid = self.env.uid
        Contact = self.sudo()
        today = fields.Date.context_today(self)
        base = [('campaign_id.state', '=', 'running'), ('campaign_id.agent_ids', 'in', [uid])]
        contact = Contact.search(base + [('state', '=', 'callback'), ('user_id', '=', uid),
                                         ('callback_date', '<=', today)], order='callback_date, id', limit=1)
        if not contact:
            contact = Contact.search(base + [('state', '=', 'pending'), ('user_id', '=', uid)], limit=1)
        if not contact:
            self.env.cr.execute("""
                SELECT contact.id FROM cs_campaign_contact contact
                  JOIN cs_campaign campaign ON campaign.id = contact.campaign_id
                  JOIN cs_campaign_agent_rel rel ON rel.campaign_id = campaign.id AND rel.user_id = %s
                 WHERE campaign.state = 'running' AND contact.state = 'pending' AND contact.user_id IS NULL
                 ORDER BY contact.id LIMIT 1 FOR UPDATE OF contact SKIP LOCKED
            """, (uid,))
            row = self.env.cr.fetchone()
            contact = Contact.browse(row[0]) if row else Contact
            # Taking a free contact is what the button does; the agent then sees it under their rights.
            contact.write({'user_id': uid})
        if not contact:
            # Nothing to call: the agent's list, with its empty-list help, rather than an error dialog.
            action = self.env.ref('cs_callcenter.cs_campaign_contact_action_mine').read()[0]
            return action
        return {
            'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': contact.id, 'view_mode': 'form',
            'views': [(self.env.ref('cs_callcenter.cs_campaign_contact_view_form').id, 'form')],
            'target': 'current', 'name': _('Next Contact'),
        }

    @api.multi
    def action_log_attempt(self, outcome, note=False, callback_date=False, refusal_reason_id=False):
        """Record an attempt of ``outcome`` on the contact; return the attempt's id.

        The contact's agent (or a leader of the campaign) only; a UserError for an unknown outcome, a
        callback without a date, a contact done or exhausted, or a number on the do-not-call list.
        """
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        user = self.env.user
        if self.user_id != user and not user.has_group('cs_helpdesk.group_cs_leader'):
            raise AccessError(_("Contact %s is another agent's.") % self.name)
        if outcome not in dict(OUTCOMES):
            raise UserError(_("Contact %s: %s is not a dialler outcome.") % (self.name, outcome))
        if self.state in ('done', 'exhausted'):
            raise UserError(_("Contact %s is %s: no more attempts.") % (
                self.name, dict(self._fields['state']._description_selection(self.env))[self.state]))
        if self.env['cs.dnc']._blocked_numbers([self.phone]):
            raise UserError(_("Contact %s: %s is on the do-not-call list.") % (self.name, self.phone))
        if callback_date:
            callback_date = str(callback_date)[:10]
        contact = self.sudo()
        count = contact.attempt_count + 1
        try:
            state = dialler_outcomes.next_state(outcome, count, contact.campaign_id.max_attempts, callback_date)
        except dialler_outcomes.OutcomeError:
            raise UserError(_("Contact %s: a callback needs the date to call back.") % self.name)
        attempt = self.env['cs.campaign.attempt'].sudo().create({
            'contact_id': contact.id, 'campaign_id': contact.campaign_id.id, 'user_id': user.id,
            'outcome': outcome, 'date': fields.Datetime.now(), 'call_id': contact.call_id.id or False,
            'note': note or False,
            'refusal_reason_id': (refusal_reason_id or False) if outcome == 'refused' else False,
        })
        contact.write({'state': state, 'attempt_count': count, 'last_outcome': outcome, 'call_id': False,
                       'callback_date': callback_date if state == 'callback' else False,
                       'user_id': contact.user_id.id or user.id})
        if state == 'callback':
            contact._schedule_callback_activity(user, callback_date, note)
        contact.campaign_id._refresh_figures()
        return attempt.id

    @api.multi
    def _schedule_callback_activity(self, user, callback_date, note):
        self.ensure_one()
        self = self.with_context(lang=user.lang or self.env.context.get('lang'))  # the agent reads it
        self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get_id(self._name),
            'res_id': self.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_call').id,
            'user_id': user.id,
            'date_deadline': callback_date,
            'summary': _("Call back %s") % self.name,
            'note': note or False,
        })

    @api.model
    def _link_ringing_call(self, call):
        """An outbound call ringing at a contact's number is that contact's call: the next attempt the agent
        logs on it is linked to it. Called by the CTI processing, as the superuser."""
        if call.direction != 'out' or not call.callee_number:
            return
        domain = [('phone', '=', call.callee_number), ('state', 'in', ('pending', 'callback')),
                  ('campaign_id.state', '=', 'running')]
        if call.agent_id:
            domain += ['|', ('user_id', '=', call.agent_id.id), ('user_id', '=', False)]
        contact = self.sudo().search(domain, order='user_id, id', limit=1)
        if contact:
            contact.write({'call_id': call.id})
