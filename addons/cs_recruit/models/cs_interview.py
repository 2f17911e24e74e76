from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import _

from ..services import assessment

ROUNDS = [('first', 'First Interview'), ('second', 'Second Interview')]
INTERVIEW_STATES = [('scheduled', 'Scheduled'), ('done', 'Held'), ('no_show', 'No Show'), ('cancelled', 'Cancelled')]
# The six core competencies of a customer-service agent, each scored 1-5 (0 = not scored).
COMPETENCIES = ['score_communication', 'score_service', 'score_emotion', 'score_learning', 'score_teamwork',
                'score_problem_solving']


class CsInterview(models.Model):
    """An interview of a candidate (R5): scheduled in Odoo's calendar with its interviewers, scored on six
    competencies against a pass mark. The second interview also sets the terms of the offer (R6)."""
    _name = 'cs.interview'
    _description = 'Interview'
    _inherit = ['mail.thread']
    _order = 'date_start desc, id desc'

    def _default_pass_mark(self):
        return self.env.user.company_id.cs_recruit_interview_pass_mark

    applicant_id = fields.Many2one('hr.applicant', 'Applicant', required=True, ondelete='cascade', index=True)
    partner_name = fields.Char(related='applicant_id.partner_name', string="Applicant's Name", readonly=True)
    job_id = fields.Many2one(related='applicant_id.job_id', string='Job Position', store=True, readonly=True)
    round = fields.Selection(ROUNDS, required=True, default='first')
    date_start = fields.Datetime('Date', required=True, default=fields.Datetime.now)
    duration = fields.Float(default=1.0, help="Hours.")
    location = fields.Char(help="Interview room.")
    interviewer_ids = fields.Many2many('res.users', 'cs_interview_res_users_rel', 'interview_id', 'user_id',
                                       'Interviewers', default=lambda self: self.env.user)
    event_id = fields.Many2one('calendar.event', 'Meeting', readonly=True, copy=False, ondelete='set null')
    state = fields.Selection(INTERVIEW_STATES, default='scheduled', required=True, track_visibility='onchange')
    # Checklist of the interviewer before the candidate arrives.
    check_room = fields.Boolean('Room Booked', help="A quiet room, free for the whole interview.")
    check_materials = fields.Boolean('Materials Ready', help="Interview form, test papers, pens.")
    check_resume = fields.Boolean('Resume Read', help="Resume and screening result read before the interview.")
    check_audition = fields.Boolean('Audition Notes Read', help="What the voice audition left to clarify.")
    # First impressions of S4: on time, behaviour and manners.
    punctual = fields.Boolean('On Time')
    etiquette = fields.Boolean('Behaviour and Manners Appropriate')
    score_communication = fields.Integer('Communication', help="Expresses clearly, listens, adapts to the caller.")
    score_service = fields.Integer('Service Orientation', help="Puts the customer first, patient and polite.")
    score_emotion = fields.Integer('Emotional Control', help="Keeps calm under pressure and with angry callers.")
    score_learning = fields.Integer('Learning Ability', help="Learns products and procedures quickly.")
    score_teamwork = fields.Integer('Teamwork', help="Works with the shift, shares, accepts coaching.")
    score_problem_solving = fields.Integer('Problem Solving', help="Finds out the real need and solves it.")
    score = fields.Float(compute='_compute_score', store=True, group_operator='avg',
                         help="Mean of the competencies scored (1-5).")
    pass_mark = fields.Float(default=_default_pass_mark, required=True)
    passed = fields.Boolean(compute='_compute_score', store=True)
    recommendation = fields.Text()
    # Terms of the offer, explained at the second interview (S4: 摊牌).
    offer_salary = fields.Float('Proposed Salary')
    offer_salary_extra = fields.Char('Benefits')
    offer_start_date = fields.Date('Start Date')
    offer_terms = fields.Text('Terms')

    @api.depends('state', 'pass_mark', *COMPETENCIES)
    def _compute_score(self):
        for interview in self:
            interview.score = assessment.mean_score([interview[name] for name in COMPETENCIES if interview[name]])
            interview.passed = interview.state == 'done' and assessment.passes(interview.score, interview.pass_mark)

    @api.constrains(*COMPETENCIES)
    def _check_scores(self):
        for interview in self:
            for name in COMPETENCIES:
                if not 0 <= interview[name] <= assessment.INTERVIEW_SCORE_MAX:
                    raise ValidationError(_("%s must be scored from 1 to 5 (0: not scored).") %
                                          self._fields[name].get_description(self.env)['string'])

    @api.multi
    def name_get(self):
        rounds = dict(self._fields['round']._description_selection(self.env))
        return [(interview.id, '%s: %s' % (rounds.get(interview.round),
                                           interview.partner_name or interview.applicant_id.name))
                for interview in self]

    @api.model
    def create(self, vals):
        interview = super(CsInterview, self).create(vals)
        interview._sync_event()
        return interview

    @api.multi
    def write(self, vals):
        result = super(CsInterview, self).write(vals)
        if set(vals) & {'date_start', 'duration', 'interviewer_ids', 'location', 'round'}:
            self._sync_event()
        if vals.get('state') == 'cancelled':
            self.mapped('event_id').write({'active': False})
        return result

    def _sync_event(self):
        """Create or update the calendar meeting of the interview, attended by the interviewers and the candidate."""
        category = self.env.ref('hr_recruitment.categ_meet_interview', raise_if_not_found=False)
        for interview in self:
            start = fields.Datetime.from_string(interview.date_start)
            partners = interview.interviewer_ids.mapped('partner_id') | interview.applicant_id.partner_id
            values = {
                'name': interview.display_name,
                'start': interview.date_start,
                'stop': fields.Datetime.to_string(start + timedelta(hours=interview.duration or 1.0)),
                'duration': interview.duration or 1.0,
                'allday': False,
                # The candidate's name and contact are for the recruiters and interviewers (the attendees):
                # every other employee sees the slot as busy (Odoo's private meetings).
                'privacy': 'private',
                'location': interview.location or False,
                'partner_ids': [(6, 0, partners.ids)],
                'applicant_id': interview.applicant_id.id,
                'res_model_id': self.env.ref('hr_recruitment.model_hr_applicant').id,
                'res_id': interview.applicant_id.id,
            }
            if interview.event_id:
                interview.event_id.write(values)
            else:
                values['user_id'] = interview.interviewer_ids[:1].id or self.env.uid
                if category:
                    values['categ_ids'] = [(4, category.id)]
                interview.event_id = self.env['calendar.event'].with_context(
                    no_mail_to_attendees=True).create(values)

    @api.multi
    def action_done(self):
        """The interview was held: its scores decide (posted on the applicant)."""
        for interview in self:
            if not any(interview[name] for name in COMPETENCIES):
                raise UserError(_("Score the competencies before closing the interview."))
            interview.state = 'done'
            interview.applicant_id.message_post(body=_("%s scored %s / 5 (pass mark %s): %s.") % (
                interview.display_name, interview.score, interview.pass_mark,
                _('passed') if interview.passed else _('failed')))
        return True

    @api.multi
    def action_no_show(self):
        """The candidate did not come (counts against the channel's turn-up ratio)."""
        self.write({'state': 'no_show'})
        return True

    @api.multi
    def action_cancel(self):
        self.write({'state': 'cancelled'})
        return True

    @api.multi
    def action_make_offer(self):
        """Copy the terms of this second interview to the applicant and send the offer (R6)."""
        for interview in self:
            if interview.round != 'second' or not interview.passed:
                raise UserError(_("An offer follows a passed second interview."))
            interview.applicant_id.write({
                'salary_proposed': interview.offer_salary,
                'salary_proposed_extra': interview.offer_salary_extra,
                'availability': interview.offer_start_date,
                'cs_offer_terms': interview.offer_terms,
            })
            interview.applicant_id.action_cs_send_offer()
        return True
