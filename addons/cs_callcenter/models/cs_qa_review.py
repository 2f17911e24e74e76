from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..services import qa_sampling

QA_GROUPS = 'cs_helpdesk.group_cs_inspector,cs_helpdesk.group_cs_supervisor'  # directors imply supervisors
STATES = [('draft', 'Draft'), ('done', 'Done'), ('acknowledged', 'Acknowledged'), ('appealed', 'Appealed'),
          ('final', 'Final')]


def check_qa_user(records):
    """Refuse a caller who is neither a quality inspector nor a supervisor or director."""
    if not records.env.user._is_superuser() and not records.user_has_groups(QA_GROUPS):
        raise AccessError(_('Only quality inspectors, supervisors and directors may do this.'))


class CsQaReview(models.Model):
    """The score an inspector gives one call on a form; the reviewed agent acknowledges or appeals it."""
    _name = 'cs.qa.review'
    _description = 'Quality Review'
    _inherit = ['mail.thread']
    _order = 'id desc'

    def _default_form(self):
        return self.env['cs.qa.form'].search([], limit=1)

    name = fields.Char(compute='_compute_name', store=True)
    call_id = fields.Many2one('cs.call', 'Call', required=True, ondelete='restrict', index=True)
    agent_id = fields.Many2one('res.users', 'Agent', related='call_id.agent_id', store=True, readonly=True,
                               index=True)
    call_date = fields.Datetime('Call Date', related='call_id.date_start', store=True, readonly=True)
    inspector_id = fields.Many2one('res.users', 'Inspector', default=lambda self: self.env.user, required=True,
                                   index=True)
    form_id = fields.Many2one('cs.qa.form', 'Form', required=True, default=_default_form, ondelete='restrict')
    line_ids = fields.One2many('cs.qa.review.line', 'review_id', 'Lines', copy=True)
    score = fields.Float(compute='_compute_score', store=True, group_operator='avg')
    fatal_failed = fields.Boolean('Fatal Error', compute='_compute_score', store=True)
    state = fields.Selection(STATES, default='draft', required=True, track_visibility='onchange', index=True)
    comment = fields.Text()
    appeal_reason = fields.Text('Appeal Reason')
    calibration_id = fields.Many2one('cs.qa.calibration', 'Calibration', ondelete='set null', index=True)
    calibration_deviation = fields.Float('Deviation from the Mean', compute='_compute_calibration_deviation',
                                         help="This score minus the mean score of the calibration session.")
    coaching_ids = fields.One2many('cs.qa.coaching', 'review_id', 'Coaching Notes')
    company_id = fields.Many2one('res.company', related='call_id.company_id', store=True, readonly=True)

    @api.depends('call_id', 'agent_id')
    def _compute_name(self):
        for review in self:
            review.name = '%s / %s' % (review.call_id.display_name or '', review.agent_id.name or '')

    @api.depends('line_ids.points', 'line_ids.failed', 'line_ids.criterion_id.fatal')
    def _compute_score(self):
        for review in self:
            review.score, review.fatal_failed = qa_sampling.review_score(
                [(line.points, line.criterion_id.fatal, line.failed) for line in review.line_ids])

    @api.depends('score', 'calibration_id.score_mean')
    def _compute_calibration_deviation(self):
        for review in self:
            review.calibration_deviation = review.score - review.calibration_id.score_mean \
                if review.calibration_id else 0.0

    @api.model
    def create(self, vals):
        review = super(CsQaReview, self).create(vals)
        if not review.line_ids:
            # Full marks on every criterion: the inspector takes points off what went wrong.
            review.write({'line_ids': [(0, 0, {'criterion_id': criterion.id, 'points': criterion.weight})
                                       for criterion in review.form_id.criterion_ids]})
        return review

    @api.multi
    def write(self, vals):
        for review in self:
            if review.state == 'final':
                raise UserError(_('The review "%s" is final: nobody can change it.') % review.display_name)
        return super(CsQaReview, self).write(vals)

    @api.multi
    def unlink(self):
        for review in self:
            if review.state != 'draft':
                raise UserError(_('The review "%s" is no longer a draft: it cannot be deleted.') % review.display_name)
        return super(CsQaReview, self).unlink()

    def _check_state(self, states):
        for review in self:
            if review.state not in states:
                raise UserError(_('The review "%s" is %s: this step is not possible now.')
                                % (review.display_name, dict(self._fields['state']._description_selection(
                                    self.env))[review.state]))

    def _check_reviewed_agent(self):
        for review in self:
            if review.agent_id != self.env.user:
                raise AccessError(_('Only the reviewed agent may acknowledge or appeal the review "%s".')
                                  % review.display_name)

    @api.multi
    def action_done(self):
        """The inspector finishes the review: the agent can now acknowledge or appeal it."""
        check_qa_user(self)
        self._check_state(['draft'])
        self.write({'state': 'done'})
        return True

    @api.multi
    def action_acknowledge(self):
        """The reviewed agent accepts the review."""
        self._check_reviewed_agent()
        self._check_state(['done'])
        # Agents only read reviews; the checks above are the right to this one step.
        self.sudo().write({'state': 'acknowledged'})
        return True

    @api.multi
    def action_appeal(self, reason):
        """The reviewed agent contests the review, giving a reason."""
        self._check_reviewed_agent()
        self._check_state(['done'])
        if not reason or not str(reason).strip():
            raise UserError(_('Give the reason of the appeal of the review "%s".') % self.display_name)
        self.sudo().write({'state': 'appealed', 'appeal_reason': reason})
        return True

    @api.multi
    def action_final(self):
        """An inspector or above closes an acknowledged or appealed review for good."""
        check_qa_user(self)
        self._check_state(['acknowledged', 'appealed'])
        self.write({'state': 'final'})
        return True


class CsCall(models.Model):
    _inherit = 'cs.call'

    qa_review_ids = fields.One2many('cs.qa.review', 'call_id', 'Quality Reviews')

    @api.multi
    def action_qa_review(self):
        """Start (or open) the current inspector's review of this call."""
        check_qa_user(self)
        self.ensure_one()
        Review = self.env['cs.qa.review']
        review = Review.search([('call_id', '=', self.id), ('inspector_id', '=', self.env.uid)], limit=1)
        if not review:
            review = Review.create({'call_id': self.id})
        return {
            'type': 'ir.actions.act_window', 'res_model': 'cs.qa.review', 'res_id': review.id,
            'view_mode': 'form', 'views': [(False, 'form')], 'target': 'current',
        }
