from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import _

from ..services import requisition, screening


class HrJob(models.Model):
    """A job position as a recruiting requisition (R1): how many people, with which profile, by when, where from.

    The headcount needed is Odoo's own "Expected New Employees" (``no_of_recruitment``), so the recruitment
    dashboard, the department figures and the requisition always agree.
    """
    _inherit = 'hr.job'

    def _default_cs_buffer_percent(self):
        return self.env.user.company_id.cs_recruit_buffer_percent

    def _default_cs_campaign_warning_days(self):
        return self.env.user.company_id.cs_recruit_campaign_warning_days

    cs_headcount_needed = fields.Integer(
        related='no_of_recruitment', store=True, string='Headcount Needed',
        help="People to be hired and kept for this position (Odoo's Expected New Employees).")
    cs_buffer_percent = fields.Float(
        'Buffer (%)', default=_default_cs_buffer_percent, track_visibility='onchange',
        help="Share added to the headcount needed, because candidates drop out between offer and the end of "
             "training. The default comes from the company's recruitment settings.")
    cs_recruit_target = fields.Integer(
        'Recruiting Target', compute='_compute_cs_recruit_target', store=True,
        help="Candidates to recruit: headcount needed × (1 + buffer), rounded up.")
    cs_campaign_start = fields.Date(
        'Campaign Start', track_visibility='onchange', help="Day the vacancy was published.")
    cs_campaign_end = fields.Date(
        'Campaign End', track_visibility='onchange',
        help="Day the candidates were chosen and the campaign closed (leave empty while it runs).")
    cs_campaign_warning_days = fields.Integer(
        'Warn After (days)', default=_default_cs_campaign_warning_days,
        help="A campaign open longer than this is flagged; a tight campaign keeps good candidates (S0: four "
             "weeks). The default comes from the company's recruitment settings.")
    cs_campaign_days_open = fields.Integer(
        'Days Open', compute='_compute_cs_campaign_window',
        help="Days from the campaign start to today, or to its end once it has ended.")
    cs_campaign_overdue = fields.Boolean(
        'Campaign Overdue', compute='_compute_cs_campaign_window', search='_search_cs_campaign_overdue',
        help="The position is still recruiting and its campaign has been open longer than the warning limit.")
    cs_min_education = fields.Selection(
        requisition.EDUCATION_LEVELS, 'Minimum Education',
        default=requisition.DEFAULT_REQUIREMENTS['min_education'])
    cs_min_age = fields.Integer('Minimum Age', default=requisition.DEFAULT_REQUIREMENTS['min_age'])
    cs_max_age = fields.Integer('Maximum Age', default=requisition.DEFAULT_REQUIREMENTS['max_age'])
    cs_min_typing_speed = fields.Integer(
        'Minimum Typing Speed', default=requisition.DEFAULT_REQUIREMENTS['min_typing_speed'],
        help="Chinese characters typed a minute.")
    cs_min_mandarin_level = fields.Selection(
        requisition.MANDARIN_LEVELS, 'Minimum Mandarin Level',
        default=requisition.DEFAULT_REQUIREMENTS['min_mandarin_level'],
        help="Level of the national Putonghua proficiency test (普通话水平测试).")
    cs_office_skills_required = fields.Boolean(
        'Office Skills Required', default=requisition.DEFAULT_REQUIREMENTS['office_skills'],
        help="Word processing and spreadsheets.")
    cs_channel_ids = fields.Many2many(
        'cs.recruit.channel', 'cs_recruit_channel_hr_job_rel', 'job_id', 'channel_id', string='Channels',
        help="Channels used for this campaign; applicants keep the channel that brought them in as their source.")
    cs_pipeline = fields.Boolean(
        'Customer Service Pipeline', default=True,
        help="Applicants of this position go through the customer-service stages (简历筛选 → 初选 → 听试 → 初试 → "
             "复试 → offer → 录用) with their gates; otherwise they use the other recruitment stages.")
    cs_hopping_years = fields.Integer(
        'Job-Hopping Window (years)', default=screening.DEFAULT_HOPPING_YEARS,
        help="Resume screening counts the employers of the candidate's work history in the last years.")
    cs_hopping_max_employers = fields.Integer(
        'Maximum Employers', default=screening.DEFAULT_HOPPING_MAX_EMPLOYERS,
        help="More employers than this in the job-hopping window fails the screening (frequent job changes). "
             "Zero switches the rule off.")
    cs_min_relevant_months = fields.Integer(
        'Minimum Relevant Experience (months)', default=0,
        help="Months of call-centre or customer-service work required; zero: experience is welcome, not required.")
    cs_written_survey_id = fields.Many2one(
        'survey.survey', 'Written Test', help="Survey sent to the candidates as written test (笔试), scored.")
    cs_personality_survey_id = fields.Many2one(
        'survey.survey', 'Personality Test', help="Survey sent to the candidates as personality test (性格测试).")

    @api.depends('no_of_recruitment', 'cs_buffer_percent')
    def _compute_cs_recruit_target(self):
        for job in self:
            # Invalid input is refused by _check_cs_requisition; until then show no target instead of failing.
            if job.no_of_recruitment < 0 or job.cs_buffer_percent < 0:
                job.cs_recruit_target = 0
                continue
            job.cs_recruit_target = requisition.recruiting_target(job.no_of_recruitment, job.cs_buffer_percent)

    @api.depends('state', 'cs_campaign_start', 'cs_campaign_end', 'cs_campaign_warning_days')
    def _compute_cs_campaign_window(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for job in self:
            window = job._cs_campaign_window(today)
            job.cs_campaign_days_open = window.days_open if window else 0
            job.cs_campaign_overdue = bool(window and window.overdue and job.state == 'recruit')

    def _search_cs_campaign_overdue(self, operator, value):
        if operator not in ('=', '!='):
            raise ValueError(_("Unsupported search on Campaign Overdue: %s") % operator)
        candidates = self.search([('state', '=', 'recruit'), ('cs_campaign_start', '!=', False)])
        overdue_ids = candidates.filtered('cs_campaign_overdue').ids
        wanted = (operator == '=') == bool(value)
        return [('id', 'in' if wanted else 'not in', overdue_ids)]

    @api.constrains('no_of_recruitment', 'cs_buffer_percent', 'cs_campaign_warning_days',
                    'cs_campaign_start', 'cs_campaign_end', 'cs_min_age', 'cs_max_age', 'cs_min_typing_speed',
                    'cs_hopping_years', 'cs_hopping_max_employers', 'cs_min_relevant_months')
    def _check_cs_requisition(self):
        for job in self:
            if job.no_of_recruitment < 0:
                raise ValidationError(_("The headcount needed of %s cannot be negative.") % job.name)
            if job.cs_buffer_percent < 0:
                raise ValidationError(_("The buffer of %s cannot be negative.") % job.name)
            if job.cs_campaign_warning_days < 0:
                raise ValidationError(_("The campaign warning limit of %s cannot be negative.") % job.name)
            if job.cs_campaign_start and job.cs_campaign_end and job.cs_campaign_end < job.cs_campaign_start:
                raise ValidationError(_("The campaign of %s ends before it starts: set an end date on or "
                                        "after the start date.") % job.name)
            if job.cs_min_age < 0 or job.cs_max_age < 0 or job.cs_min_typing_speed < 0:
                raise ValidationError(_("Ages and typing speed of %s cannot be negative.") % job.name)
            if job.cs_min_age and job.cs_max_age and job.cs_min_age > job.cs_max_age:
                raise ValidationError(_("The minimum age of %s is above its maximum age.") % job.name)
            if job.cs_hopping_years < 0 or job.cs_hopping_max_employers < 0 or job.cs_min_relevant_months < 0:
                raise ValidationError(_("The screening limits of %s cannot be negative.") % job.name)

    @api.multi
    def _cs_campaign_window(self, today):
        """Return the campaign window of this job seen on ``today`` (a ``date``), or None without a start."""
        self.ensure_one()
        if self.cs_campaign_end and self.cs_campaign_start and self.cs_campaign_end < self.cs_campaign_start:
            return None  # refused by _check_cs_requisition; nothing sensible to show before that
        return requisition.campaign_window(
            fields.Date.from_string(self.cs_campaign_start), today,
            end=fields.Date.from_string(self.cs_campaign_end), warning_days=max(self.cs_campaign_warning_days, 0))

    @api.multi
    def cs_requirements(self):
        """Return the requirements of this position as the dict :func:`requisition.check_requirements` takes."""
        self.ensure_one()
        return {
            'min_education': self.cs_min_education,
            'min_age': self.cs_min_age,
            'max_age': self.cs_max_age,
            'min_typing_speed': self.cs_min_typing_speed,
            'min_mandarin_level': self.cs_min_mandarin_level,
            'office_skills': self.cs_office_skills_required,
        }

    @api.multi
    def cs_check_candidate(self, profile):
        """Check a candidate's ``profile`` against this position's requirements.

        ``profile`` is the dict described in :func:`requisition.check_requirements`. Returns a list of
        ``(code, message)`` pairs, one per failed requirement, the message translated into the user's
        language; an empty list when the candidate meets them all.
        """
        self.ensure_one()
        failures = requisition.check_requirements(profile, self.cs_requirements())
        return [(failure.code, self._cs_failure_message(failure)) for failure in failures]

    @api.multi
    def cs_screen_candidate(self, profile, work_history, today):
        """Screen a candidate for this position (R3): requirements, job-hopping, relevant experience.

        ``profile`` as in :meth:`cs_check_candidate`, ``work_history`` a list of :class:`screening.WorkPeriod`,
        ``today`` a ``date``. Returns the ``(code, message)`` pairs of the failed rules (empty: passed).
        """
        self.ensure_one()
        failures = screening.screen(
            profile, self.cs_requirements(), work_history, today=today, hopping_years=self.cs_hopping_years,
            hopping_max_employers=self.cs_hopping_max_employers, min_relevant_months=self.cs_min_relevant_months)
        return [(failure.code, self._cs_failure_message(failure)) for failure in failures]

    def _cs_failure_message(self, failure):
        education = dict(self._fields['cs_min_education']._description_selection(self.env))
        mandarin = dict(self._fields['cs_min_mandarin_level']._description_selection(self.env))
        if failure.code == 'education':
            if not failure.actual:
                return _("Education not stated (required: %s).") % education.get(failure.required)
            return _("Education %s is below the required %s.") % (
                education.get(failure.actual, failure.actual), education.get(failure.required))
        if failure.code == 'age':
            min_age, max_age = failure.required
            if failure.actual is None:
                return _("Age not stated.")
            if min_age and failure.actual < min_age:
                return _("Age %s is below the minimum of %s.") % (failure.actual, min_age)
            return _("Age %s is above the maximum of %s.") % (failure.actual, max_age)
        if failure.code == 'typing_speed':
            if failure.actual is None:
                return _("Typing speed not stated.")
            return _("Typing speed %s characters/min is below the required %s.") % (failure.actual,
                                                                                     failure.required)
        if failure.code == 'mandarin':
            if not failure.actual:
                return _("Mandarin level not stated (required: %s).") % mandarin.get(failure.required)
            return _("Mandarin %s is below the required %s.") % (
                mandarin.get(failure.actual, failure.actual), mandarin.get(failure.required))
        if failure.code == 'office_skills':
            return _("Office skills are required.")
        if failure.code == 'job_hopping':
            years, limit = failure.required
            return _("Frequent job changes: %s employers in the last %s years (at most %s): %s.") % (
                len(failure.actual), years, limit, ', '.join(failure.actual))
        if failure.code == 'experience':
            return _("%s months of relevant experience, %s required.") % (failure.actual, failure.required)
        return failure.reason
