from odoo import fields, models

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

    _sql_constraints = [
        ('source_unique', 'unique(source_id)', 'A source can be used by one recruiting channel only.'),
    ]
