from datetime import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..services import analytics

CHANNEL_KINDS = [
    ('campus', 'Campus'),
    ('job_fair', 'Job Fair'),
    ('online', 'Online'),
    ('internal', 'Internal'),
    ('referral', 'Referral'),
]


class CsRecruitChannel(models.Model):
    """A recruiting channel (校园招聘, 招聘会, 网络招聘, 内部选拔, 员工推荐).

    Each channel is an Odoo marketing source (``utm.source``, by delegation), so an applicant's own "Source"
    field tells which channel brought them in, and email aliases and website links keep working as in Odoo.

    S4 picks the main channel by two figures, computed here from the applicants (see :mod:`services.analytics`):
    the turn-up ratio (candidates who came to their first interview / candidates invited to one) and the
    retention (hires still employed, i.e. whose employee is not archived, / hires made at least the company's
    retention period ago, three months by default).
    """
    _name = 'cs.recruit.channel'
    _description = 'Recruiting Channel'
    _inherits = {'utm.source': 'source_id'}
    _order = 'sequence, id'

    source_id = fields.Many2one(
        'utm.source', 'Source', required=True, ondelete='cascade',
        help="Marketing source set on the applicants who come through this channel.")
    kind = fields.Selection(CHANNEL_KINDS, required=True, default='online')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    note = fields.Text('Notes')
    job_ids = fields.Many2many(
        'hr.job', 'cs_recruit_channel_hr_job_rel', 'channel_id', 'job_id', string='Job Positions')
    applicant_count = fields.Integer('Applicants', compute='_compute_figures')
    invited_count = fields.Integer('Invited to Interview', compute='_compute_figures',
                                   help="Applicants invited to a first interview that was not cancelled.")
    turned_up_count = fields.Integer('Came to Interview', compute='_compute_figures',
                                     help="Applicants who came to their first interview.")
    turn_up_ratio = fields.Float('Turn-up Ratio (%)', compute='_compute_figures',
                                 help="Came to the first interview / invited to it.")
    hired_count = fields.Integer('Hired', compute='_compute_figures')
    retention_base_count = fields.Integer(
        'Hired Before the Retention Period', compute='_compute_figures',
        help="Hires made at least the retention period ago (company setting, three months by default).")
    retained_count = fields.Integer('Still Employed', compute='_compute_figures',
                                    help="Of those, the hires whose employee is still active.")
    retention_ratio = fields.Float('Retention (%)', compute='_compute_figures',
                                   help="Still employed / hired before the retention period.")

    _sql_constraints = [
        ('source_unique', 'unique(source_id)', 'A source can be used by one recruiting channel only.'),
    ]

    def _compute_figures(self):
        # Recruitment figures are for those who read the applications; other employees see zeros.
        readable = self.env['hr.applicant'].check_access_rights('read', raise_exception=False)
        figures = self.cs_channel_figures() if readable else {}
        for channel in self:
            values = figures.get(channel.id, {})
            channel.applicant_count = values.get('applicants', 0)
            channel.invited_count = values.get('invited', 0)
            channel.turned_up_count = values.get('turned_up', 0)
            channel.turn_up_ratio = values.get('turn_up_ratio') or 0.0
            channel.hired_count = values.get('hired', 0)
            channel.retention_base_count = values.get('retention_base', 0)
            channel.retained_count = values.get('retained', 0)
            channel.retention_ratio = values.get('retention_ratio') or 0.0

    @api.multi
    def cs_channel_figures(self, job_ids=None, date_from=None, date_to=None, today=None):
        """Return {channel id: figures} for these channels, counted in SQL over the applicants.

        Figures: applicants, invited, turned_up, turn_up_ratio (None without invitations), hired,
        retention_base, retained, retention_ratio (None without hires old enough). Optional filters: the
        applied jobs (ids) and the application dates (strings 'YYYY-MM-DD', inclusive).
        """
        self.env['hr.applicant'].check_access_rights('read')  # counted in SQL: check the caller first
        if not self.ids:
            return {}
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        months = self.env.user.company_id.cs_recruit_retention_months or analytics.DEFAULT_RETENTION_MONTHS
        cutoff = datetime.combine(today - relativedelta(months=months), datetime.max.time())
        where = ['c.id IN %s']
        params = [tuple(self.ids)]
        if job_ids:
            where.append('a.job_id IN %s')
            params.append(tuple(job_ids))
        if date_from:
            where.append('a.create_date >= %s')
            params.append(date_from)
        if date_to:
            where.append("a.create_date < (%s::date + interval '1 day')")
            params.append(date_to)
        self.env.cr.execute("""
            SELECT c.id,
                   count(a.id),
                   count(a.id) FILTER (WHERE EXISTS (SELECT 1 FROM cs_interview i WHERE i.applicant_id = a.id
                                       AND i.round = 'first' AND i.state != 'cancelled')),
                   count(a.id) FILTER (WHERE EXISTS (SELECT 1 FROM cs_interview i WHERE i.applicant_id = a.id
                                       AND i.round = 'first' AND i.state = 'done')),
                   count(a.id) FILTER (WHERE a.cs_date_hired IS NOT NULL),
                   count(a.id) FILTER (WHERE a.cs_date_hired <= %s),
                   count(a.id) FILTER (WHERE a.cs_date_hired <= %s AND e.active)
              FROM cs_recruit_channel c
              JOIN hr_applicant a ON a.source_id = c.source_id
              LEFT JOIN hr_employee e ON e.id = a.emp_id
             WHERE """ + ' AND '.join(where) + """
             GROUP BY c.id""", [cutoff, cutoff] + params)
        result = {}
        for channel_id, applicants, invited, turned_up, hired, base, retained in self.env.cr.fetchall():
            result[channel_id] = {
                'applicants': applicants, 'invited': invited, 'turned_up': turned_up,
                'turn_up_ratio': analytics.ratio(turned_up, invited), 'hired': hired,
                'retention_base': base, 'retained': retained, 'retention_ratio': analytics.ratio(retained, base),
            }
        return result
