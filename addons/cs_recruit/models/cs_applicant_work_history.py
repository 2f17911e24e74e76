from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import _


class CsApplicantWorkHistory(models.Model):
    """One job in a candidate's work history, as written on the resume (R3: job-hopping, relevant experience)."""
    _name = 'cs.applicant.work.history'
    _description = 'Applicant Work History'
    _order = 'date_from desc, id desc'

    applicant_id = fields.Many2one('hr.applicant', 'Applicant', required=True, ondelete='cascade', index=True)
    employer = fields.Char(required=True)
    position = fields.Char()
    date_from = fields.Date('From', required=True)
    date_to = fields.Date('To', help="Leave empty while the candidate still works there.")
    relevant = fields.Boolean(
        'Relevant Experience', help="Call centre, customer service or telesales work: counts as relevant experience.")

    @api.constrains('date_from', 'date_to')
    def _check_dates(self):
        for line in self:
            if line.date_to and line.date_to < line.date_from:
                raise ValidationError(_("The job at %s ends before it starts.") % line.employer)
