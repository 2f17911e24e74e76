from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import _

from ..services import assessment


class CsAuditionCriterion(models.Model):
    """A scored criterion of the voice audition (R4), with its weight in the total."""
    _name = 'cs.audition.criterion'
    _description = 'Audition Criterion'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(default=20, help="Weight of the criterion in the audition total.")
    max_score = fields.Integer('Highest Score', default=5)
    description = fields.Text(translate=True, help="What the auditor listens for.")
    active = fields.Boolean(default=True)

    @api.constrains('weight', 'max_score')
    def _check_weight(self):
        for criterion in self:
            if criterion.weight < 0 or criterion.max_score <= 0:
                raise ValidationError(_("The weight of %s cannot be negative and its highest score must be "
                                        "positive.") % criterion.name)


class CsAudition(models.Model):
    """The voice audition (听试, R4): a short phone or recorded conversation on the standard questions, scored on
    weighted criteria; the candidate passes at the pass mark."""
    _name = 'cs.audition'
    _description = 'Voice Audition'
    _inherit = ['mail.thread']
    _order = 'date desc, id desc'

    def _default_line_ids(self):
        return [(0, 0, {'criterion_id': criterion.id, 'weight': criterion.weight})
                for criterion in self.env['cs.audition.criterion'].search([])]

    def _default_pass_mark(self):
        return self.env.user.company_id.cs_recruit_audition_pass_mark

    applicant_id = fields.Many2one('hr.applicant', 'Applicant', required=True, ondelete='cascade', index=True)
    partner_name = fields.Char(related='applicant_id.partner_name', string="Applicant's Name", readonly=True)
    job_id = fields.Many2one(related='applicant_id.job_id', string='Job Position', store=True, readonly=True)
    user_id = fields.Many2one('res.users', 'Auditor', default=lambda self: self.env.uid, required=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    state = fields.Selection([('draft', 'To Score'), ('done', 'Scored'), ('cancelled', 'Cancelled')],
                             default='draft', required=True, track_visibility='onchange')
    recording = fields.Binary(attachment=True, help="Recording of the audition call (audio file).")
    recording_filename = fields.Char('Recording File Name')
    recording_url = fields.Char('Recording URL', help="Link to the recording on the PBX, instead of an upload.")
    answer_self = fields.Text('Yourself and Your Current Job',
                              help="Ask: please describe yourself and your current job briefly.")
    answer_achievement = fields.Text('Most Rewarding Experience',
                                     help="Ask: tell us about the thing you are proudest of.")
    answer_frustration = fields.Text('Most Frustrating Experience',
                                     help="Ask: tell us about your most frustrating experience.")
    answer_advantages = fields.Text('Advantages for the Post',
                                    help="Ask: what makes you right for this post?")
    line_ids = fields.One2many('cs.audition.line', 'audition_id', 'Criteria', default=_default_line_ids)
    score = fields.Float('Score', compute='_compute_score', store=True, group_operator='avg',
                         help="Weighted score of the criteria, 0-100.")
    pass_mark = fields.Float(default=_default_pass_mark, required=True)
    passed = fields.Boolean(compute='_compute_score', store=True)
    note = fields.Text('Notes')

    @api.depends('line_ids.score', 'line_ids.weight', 'pass_mark', 'state')
    def _compute_score(self):
        for audition in self:
            criteria = [assessment.Criterion(line.weight, line.score, line.max_score)
                        for line in audition.line_ids if line.max_score > 0]
            total = assessment.weighted_score(criteria) if any(c.weight for c in criteria) else 0.0
            audition.score = total
            audition.passed = audition.state == 'done' and assessment.passes(total, audition.pass_mark)

    @api.constrains('pass_mark')
    def _check_pass_mark(self):
        for audition in self:
            if not 0 <= audition.pass_mark <= 100:
                raise ValidationError(_("The audition pass mark must be between 0 and 100."))

    @api.multi
    def name_get(self):
        return [(audition.id, _('Audition of %s') % (audition.partner_name or audition.applicant_id.name))
                for audition in self]

    @api.multi
    def action_done(self):
        """Record the scores: the audition passes or fails against its pass mark (posted on the applicant)."""
        for audition in self:
            if not audition.line_ids:
                raise UserError(_("Score the criteria of the audition before closing it."))
            audition.state = 'done'
            audition.applicant_id.message_post(body=_("Voice audition scored %s / 100 (pass mark %s): %s.") % (
                audition.score, audition.pass_mark, _('passed') if audition.passed else _('failed')))
        return True

    @api.multi
    def action_cancel(self):
        self.write({'state': 'cancelled'})
        return True

    @api.multi
    def action_reset(self):
        self.write({'state': 'draft'})
        return True


class CsAuditionLine(models.Model):
    _name = 'cs.audition.line'
    _description = 'Audition Criterion Score'
    _order = 'sequence, id'

    audition_id = fields.Many2one('cs.audition', required=True, ondelete='cascade', index=True)
    criterion_id = fields.Many2one('cs.audition.criterion', 'Criterion', required=True, ondelete='restrict')
    sequence = fields.Integer(related='criterion_id.sequence', store=True, readonly=True)
    weight = fields.Float(help="Weight of the criterion when the audition was held.")
    max_score = fields.Integer(related='criterion_id.max_score', readonly=True)
    score = fields.Integer()

    @api.onchange('criterion_id')
    def _onchange_criterion_id(self):
        self.weight = self.criterion_id.weight

    @api.constrains('score', 'weight')
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= line.max_score:
                raise ValidationError(_("The score of %s must be between 0 and %s.") % (
                    line.criterion_id.name, line.max_score))
            if line.weight < 0:
                raise ValidationError(_("The weight of %s cannot be negative.") % line.criterion_id.name)
