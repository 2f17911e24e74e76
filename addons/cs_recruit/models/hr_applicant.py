from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import _

from ..services import pipeline, requisition, screening

SCREENING_STATES = [('pending', 'To Screen'), ('passed', 'Passed'), ('failed', 'Failed')]
OFFER_STATES = [('none', 'No Offer'), ('sent', 'Sent'), ('accepted', 'Accepted'), ('declined', 'Declined'),
                ('lapsed', 'Lapsed')]
GENDERS = [('male', 'Male'), ('female', 'Female'), ('other', 'Other')]


class HrApplicant(models.Model):
    """A candidate in the customer-service pipeline: resume facts and screening (R3), the gates of the stages
    (R2), the audition, interviews and tests that pass them (R4-R5) and the offer (R6)."""
    _inherit = 'hr.applicant'

    # Odoo binds its own default method; dispatch to the override below, which knows the job's pipeline.
    stage_id = fields.Many2one(default=lambda self: self._default_stage_id())

    # Resume
    cs_pipeline = fields.Boolean(related='job_id.cs_pipeline', string='Customer Service Pipeline', readonly=True)
    cs_gender = fields.Selection(GENDERS, 'Gender')
    cs_birth_date = fields.Date('Date of Birth')
    cs_age = fields.Integer('Age', compute='_compute_cs_age')
    cs_education = fields.Selection(requisition.EDUCATION_LEVELS, 'Education')
    cs_typing_speed = fields.Integer('Typing Speed', help="Chinese characters typed a minute.")
    cs_mandarin_level = fields.Selection(
        requisition.MANDARIN_LEVELS, 'Mandarin Level', help="Level of the Putonghua proficiency test (普通话水平测试).")
    cs_office_skills = fields.Boolean('Office Skills')
    cs_work_history_ids = fields.One2many('cs.applicant.work.history', 'applicant_id', 'Work History')
    cs_channel_id = fields.Many2one(
        'cs.recruit.channel', 'Channel', compute='_compute_cs_channel_id', inverse='_inverse_cs_channel_id',
        store=True, help="Recruiting channel that brought the candidate in (the channel's source is the applicant's).")

    # Screening (R3)
    cs_screening_state = fields.Selection(
        SCREENING_STATES, 'Screening', default='pending', required=True, copy=False, track_visibility='onchange')
    cs_screening_reasons = fields.Text('Screening Failures', readonly=True, copy=False)
    cs_screening_date = fields.Datetime('Screened On', readonly=True, copy=False)
    cs_screening_override = fields.Boolean('Screening Overridden', readonly=True, copy=False,
                                           track_visibility='onchange')
    cs_screening_override_reason = fields.Text('Override Reason', readonly=True, copy=False)
    cs_screening_override_user_id = fields.Many2one('res.users', 'Overridden By', readonly=True, copy=False)
    cs_screening_passed = fields.Boolean(
        'Screening Passed', compute='_compute_cs_screening_passed', store=True,
        help="Passed automatically, or overridden by a recruiter with a reason.")

    # Audition, interviews, tests (R4, R5)
    cs_audition_ids = fields.One2many('cs.audition', 'applicant_id', 'Auditions')
    cs_interview_ids = fields.One2many('cs.interview', 'applicant_id', 'Interviews')
    cs_test_ids = fields.One2many('cs.recruit.test', 'applicant_id', 'Tests')
    cs_audition_passed = fields.Boolean('Audition Passed', compute='_compute_cs_assessments', store=True)
    cs_first_interview_passed = fields.Boolean('First Interview Passed', compute='_compute_cs_assessments', store=True)
    cs_second_interview_passed = fields.Boolean('Second Interview Passed', compute='_compute_cs_assessments',
                                                store=True)
    cs_written_test_passed = fields.Boolean('Written Test Passed', compute='_compute_cs_assessments', store=True)
    cs_personality_test_passed = fields.Boolean('Personality Test Passed', compute='_compute_cs_assessments',
                                                store=True)
    cs_audition_count = fields.Integer('Audition Count', compute='_compute_cs_counts')
    cs_interview_count = fields.Integer('Interview Count', compute='_compute_cs_counts')
    cs_test_count = fields.Integer('Test Count', compute='_compute_cs_counts')

    # Offer (R6); the salary and the start date are Odoo's own proposed salary and availability.
    cs_offer_state = fields.Selection(OFFER_STATES, 'Offer', default='none', required=True, copy=False,
                                      track_visibility='onchange')
    cs_offer_terms = fields.Text('Offer Terms', help="Position, working hours, benefits, probation, rules: the "
                                                     "terms explained at the second interview.")
    cs_offer_hours = fields.Integer('Offer Validity (hours)', copy=False,
                                    help="Hours the candidate has to accept (company setting when sent).")
    cs_offer_sent_date = fields.Datetime('Offer Sent On', readonly=True, copy=False)
    cs_offer_deadline = fields.Datetime('Offer Deadline', compute='_compute_cs_offer_deadline', store=True)
    cs_offer_answer_date = fields.Datetime('Offer Answered On', readonly=True, copy=False)
    cs_date_hired = fields.Datetime('Hired On', readonly=True, copy=False, index=True)

    @api.depends('cs_birth_date')
    def _compute_cs_age(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for applicant in self:
            birth_date = fields.Date.from_string(applicant.cs_birth_date)
            applicant.cs_age = requisition.age_on(birth_date, today) if birth_date else 0

    @api.depends('source_id')
    def _compute_cs_channel_id(self):
        channels = self.env['cs.recruit.channel'].sudo().with_context(active_test=False).search(
            [('source_id', 'in', self.mapped('source_id').ids)])
        by_source = {channel.source_id.id: channel.id for channel in channels}
        for applicant in self:
            applicant.cs_channel_id = by_source.get(applicant.source_id.id, False)

    def _inverse_cs_channel_id(self):
        for applicant in self:
            if applicant.cs_channel_id:
                applicant.source_id = applicant.cs_channel_id.source_id

    @api.depends('cs_screening_state', 'cs_screening_override')
    def _compute_cs_screening_passed(self):
        for applicant in self:
            applicant.cs_screening_passed = applicant.cs_screening_state == 'passed' or applicant.cs_screening_override

    @api.depends('cs_audition_ids.passed', 'cs_interview_ids.passed', 'cs_interview_ids.round',
                 'cs_test_ids.passed', 'cs_test_ids.kind')
    def _compute_cs_assessments(self):
        for applicant in self:
            interviews = applicant.cs_interview_ids.filtered('passed')
            tests = applicant.cs_test_ids.filtered('passed')
            applicant.cs_audition_passed = any(applicant.cs_audition_ids.mapped('passed'))
            applicant.cs_first_interview_passed = any(interview.round == 'first' for interview in interviews)
            applicant.cs_second_interview_passed = any(interview.round == 'second' for interview in interviews)
            applicant.cs_written_test_passed = any(test.kind == 'written' for test in tests)
            applicant.cs_personality_test_passed = any(test.kind == 'personality' for test in tests)

    def _compute_cs_counts(self):
        for applicant in self:
            applicant.cs_audition_count = len(applicant.cs_audition_ids)
            applicant.cs_interview_count = len(applicant.cs_interview_ids)
            applicant.cs_test_count = len(applicant.cs_test_ids)

    @api.depends('cs_offer_sent_date', 'cs_offer_hours')
    def _compute_cs_offer_deadline(self):
        for applicant in self:
            if applicant.cs_offer_sent_date and applicant.cs_offer_hours > 0:
                applicant.cs_offer_deadline = fields.Datetime.to_string(pipeline.offer_deadline(
                    fields.Datetime.from_string(applicant.cs_offer_sent_date), applicant.cs_offer_hours))
            else:
                applicant.cs_offer_deadline = False

    @api.constrains('cs_typing_speed')
    def _check_cs_typing_speed(self):
        for applicant in self:
            if applicant.cs_typing_speed < 0:
                raise ValidationError(_("The typing speed of %s cannot be negative.") % applicant.name)

    # Stages of the customer-service pipeline and their gates (R2)

    def _cs_stage_domain(self, job):
        return [('job_id', 'in', [False, job.id]), ('cs_pipeline', '=', bool(job.cs_pipeline))]

    def _default_stage_id(self):
        job = self.env['hr.job'].browse(self._context.get('default_job_id'))
        if not job and len(self) == 1:
            job = self.job_id  # reset_applicant: back to the first stage of the applicant's own pipeline
        if job.exists():
            stage = self.env['hr.recruitment.stage'].search(
                self._cs_stage_domain(job) + [('fold', '=', False)], order='sequence asc', limit=1)
            if stage:
                return stage.id
        return super(HrApplicant, self)._default_stage_id()

    def _onchange_job_id_internal(self, job_id):
        result = super(HrApplicant, self)._onchange_job_id_internal(job_id)
        job = self.env['hr.job'].browse(job_id)
        if job_id and not self.stage_id:
            stage = self.env['hr.recruitment.stage'].search(
                self._cs_stage_domain(job) + [('fold', '=', False)], order='sequence asc', limit=1)
            if stage:
                result['value']['stage_id'] = stage.id
        return result

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        job = self.env['hr.job'].browse(self._context.get('default_job_id'))
        if job.exists():
            # Columns of the job's own pipeline, plus any stage that holds one of its applicants.
            search_domain = self._cs_stage_domain(job)
        elif self._context.get('cs_pipeline'):
            # The customer-service applications of every position (Recruitment › Applications).
            search_domain = [('job_id', '=', False), ('cs_pipeline', '=', True)]
        else:
            return super(HrApplicant, self)._read_group_stage_ids(stages, domain, order)
        if stages:
            search_domain = ['|', ('id', 'in', stages.ids)] + search_domain
        stage_ids = stages._search(search_domain, order=order, access_rights_uid=SUPERUSER_ID)
        return stages.browse(stage_ids)

    @api.multi
    def cs_passed_gates(self):
        """Return the set of gate codes (see :mod:`services.pipeline`) this applicant has passed."""
        self.ensure_one()
        passed = {
            'screening': self.cs_screening_passed,
            'audition': self.cs_audition_passed,
            'first_interview': self.cs_first_interview_passed,
            'written_test': self.cs_written_test_passed,
            'personality_test': self.cs_personality_test_passed,
            'second_interview': self.cs_second_interview_passed,
            'offer_accepted': self.cs_offer_state == 'accepted',
        }
        return {code for code, ok in passed.items() if ok}

    @api.multi
    def _cs_check_stage_gates(self, stage, moving=True):
        """Refuse to put these applicants into ``stage`` unless they passed all of its gates (UserError).

        ``moving``: the applicants are moved from another stage (an applicant already in ``stage`` is left
        alone); False on creation, where the stage is always checked.
        """
        if not stage.cs_gate_ids:
            return
        gate_names = {gate.code: gate.name for gate in stage.cs_gate_ids}
        for applicant in self:
            if moving and applicant.stage_id == stage:
                continue
            missing = pipeline.missing_gates(stage.cs_gate_ids.mapped('code'), applicant.cs_passed_gates())
            if missing:
                raise UserError(_("%s cannot enter the stage %s: the gate \"%s\" is not passed yet.") % (
                    applicant.partner_name or applicant.name, stage.name,
                    '", "'.join(gate_names[code] for code in missing)))

    @api.model
    def create(self, vals):
        applicant = super(HrApplicant, self).create(vals)
        applicant._cs_check_stage_gates(applicant.stage_id, moving=False)
        return applicant

    @api.multi
    def write(self, vals):
        if vals.get('stage_id'):
            self._cs_check_stage_gates(self.env['hr.recruitment.stage'].browse(vals['stage_id']))
        return super(HrApplicant, self).write(vals)

    # Resume screening (R3)

    @api.multi
    def _cs_profile(self):
        self.ensure_one()
        return {
            'education': self.cs_education or None,
            'birth_date': fields.Date.from_string(self.cs_birth_date) if self.cs_birth_date else None,
            'typing_speed': self.cs_typing_speed or None,
            'mandarin_level': self.cs_mandarin_level or None,
            'office_skills': self.cs_office_skills,
        }

    @api.multi
    def _cs_work_periods(self):
        self.ensure_one()
        return [screening.WorkPeriod(line.employer, fields.Date.from_string(line.date_from),
                                     fields.Date.from_string(line.date_to) if line.date_to else None, line.relevant)
                for line in self.cs_work_history_ids]

    @api.multi
    def action_cs_screen(self):
        """Screen the resumes of these applicants against their job's rules; one call screens a whole batch.

        Each applicant passes or fails; the failed rules are listed on the applicant and in its chatter.
        """
        without_job = self.filtered(lambda applicant: not applicant.job_id)
        if without_job:
            raise UserError(_("Set the applied job of %s before screening: the rules come from the job.") % (
                ', '.join(without_job.mapped(lambda applicant: applicant.partner_name or applicant.name))))
        today = fields.Date.from_string(fields.Date.context_today(self))
        now = fields.Datetime.now()
        for applicant in self:
            failures = applicant.job_id.cs_screen_candidate(applicant._cs_profile(), applicant._cs_work_periods(),
                                                            today)
            reasons = '\n'.join(message for _code, message in failures)
            applicant.write({'cs_screening_state': 'failed' if failures else 'passed',
                             'cs_screening_reasons': reasons or False, 'cs_screening_date': now})
            if failures:
                body = _("Resume screening failed:") + '<ul>%s</ul>' % ''.join(
                    '<li>%s</li>' % message for _code, message in failures)
            else:
                body = _("Resume screening passed.")
            applicant.message_post(body=body)
        return True

    @api.multi
    def action_cs_override_screening(self, reason):
        """Let these applicants pass the screening whatever its result, for the given ``reason`` (logged)."""
        if not reason or not reason.strip():
            raise UserError(_("Give the reason for overriding the screening."))
        self.write({'cs_screening_override': True, 'cs_screening_override_reason': reason.strip(),
                    'cs_screening_override_user_id': self.env.uid})
        for applicant in self:
            applicant.message_post(body=_("Screening overridden by %s: %s") % (self.env.user.name, reason.strip()))
        return True

    @api.multi
    def action_cs_open_screening_override(self):
        return {
            'type': 'ir.actions.act_window',
            'name': _('Override Screening'),
            'res_model': 'cs.screening.override',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_applicant_ids': [(6, 0, self.ids)]},
        }

    # Offer (R6)

    @api.multi
    def action_cs_send_offer(self):
        """Send the offer: it must be accepted within the company's offer validity (24 h) or it lapses."""
        hours = self.env.user.company_id.cs_recruit_offer_hours
        for applicant in self:
            if not applicant.cs_second_interview_passed:
                raise UserError(_("%s has not passed the second interview: the offer follows it.") % (
                    applicant.partner_name or applicant.name))
            if applicant.cs_offer_state == 'accepted':
                raise UserError(_("%s has already accepted an offer.") % (applicant.partner_name or applicant.name))
            applicant.write({'cs_offer_state': 'sent', 'cs_offer_sent_date': fields.Datetime.now(),
                             'cs_offer_hours': hours, 'cs_offer_answer_date': False})
            applicant.message_post(body=_("Offer sent; it lapses unless accepted before %s (UTC).") % (
                applicant.cs_offer_deadline))
            offer_stage = self.env['hr.recruitment.stage'].search(
                self._cs_stage_domain(applicant.job_id) + [('cs_gate_ids.code', '=', 'second_interview')],
                order='sequence desc', limit=1)
            if offer_stage and applicant.stage_id.sequence < offer_stage.sequence:
                applicant.stage_id = offer_stage
        return True

    @api.multi
    def action_cs_accept_offer(self):
        """The candidate accepts: hired through Odoo's own flow (employee created), moved to the hired stage."""
        now = fields.Datetime.now()
        for applicant in self:
            applicant._cs_check_offer_open(now)
            applicant.write({'cs_offer_state': 'accepted', 'cs_offer_answer_date': now, 'cs_date_hired': now})
        action = self.create_employee_from_applicant()
        for applicant in self:
            applicant.emp_id.write({'gender': applicant.cs_gender or False,
                                    'birthday': applicant.cs_birth_date or False})
            hired_stage = self.env['hr.recruitment.stage'].search(
                self._cs_stage_domain(applicant.job_id) + [('fold', '=', True)], order='sequence desc', limit=1)
            if hired_stage:
                applicant.stage_id = hired_stage
            applicant.message_post(body=_("Offer accepted: %s is hired.") % (applicant.partner_name or applicant.name))
        return action

    @api.multi
    def create_employee_from_applicant(self):
        """Odoo's hiring (the offer accepted, or its own button): a new agent of the customer-service pipeline
        is enrolled in the onboarding course at once (R8), which certifies them when passed (R9)."""
        action = super(HrApplicant, self).create_employee_from_applicant()
        # The enrolment follows from the hiring: recruiters need no training rights for it.
        self.filtered('cs_pipeline').mapped('emp_id').sudo().cs_enroll_onboarding()
        return action

    @api.multi
    def action_cs_decline_offer(self):
        now = fields.Datetime.now()
        for applicant in self:
            applicant._cs_check_offer_open(now)
            applicant.write({'cs_offer_state': 'declined', 'cs_offer_answer_date': now})
            applicant.message_post(body=_("Offer declined by the candidate."))
        return True

    def _cs_check_offer_open(self, now):
        if self.cs_offer_state != 'sent':
            raise UserError(_("%s has no open offer.") % (self.partner_name or self.name))
        if pipeline.offer_lapsed(fields.Datetime.from_string(self.cs_offer_deadline),
                                 fields.Datetime.from_string(now)):
            raise UserError(_("The offer to %s lapsed at %s (UTC): send a new offer.") % (
                self.partner_name or self.name, self.cs_offer_deadline))

    def _cs_lapse_offer(self):
        for applicant in self:
            applicant.cs_offer_state = 'lapsed'
            applicant.message_post(body=_("The offer lapsed: it was not accepted within %s hours.") %
                                   applicant.cs_offer_hours)

    @api.model
    def _cron_cs_lapse_offers(self):
        """Lapse the offers whose deadline has passed (scheduled action), with a message on each applicant."""
        expired = self.search([('cs_offer_state', '=', 'sent'), ('cs_offer_deadline', '<', fields.Datetime.now())])
        expired._cs_lapse_offer()
        return expired

    # Smart buttons

    @api.multi
    def _cs_open(self, model, name, extra_context=None):
        self.ensure_one()
        context = dict({'default_applicant_id': self.id}, **(extra_context or {}))
        return {'type': 'ir.actions.act_window', 'name': name, 'res_model': model, 'view_mode': 'tree,form',
                'domain': [('applicant_id', '=', self.id)], 'context': context}

    @api.multi
    def action_cs_open_auditions(self):
        return self._cs_open('cs.audition', _('Auditions'))

    @api.multi
    def action_cs_open_interviews(self):
        return self._cs_open('cs.interview', _('Interviews'))

    @api.multi
    def action_cs_open_tests(self):
        return self._cs_open('cs.recruit.test', _('Tests'))
