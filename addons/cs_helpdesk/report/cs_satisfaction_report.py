from odoo import fields, models, tools

from ..models.cs_return_visit import SATISFACTION
from ..models.cs_ticket_visit import EVALUATION_SOURCES


class CsSatisfactionReport(models.Model):
    """Customer evaluations of work orders (H8), one row per evaluated order, aggregated in SQL.

    The satisfaction rate averages 100 (satisfied) and 0 over the valid evaluations only; the valid rate
    averages over all evaluations.
    """
    _name = 'cs.satisfaction.report'
    _description = 'Satisfaction Analysis'
    _auto = False
    _order = 'date desc'

    ticket_id = fields.Many2one('cs.ticket', 'Work Order', readonly=True)
    date = fields.Datetime('Evaluated on', readonly=True)
    user_id = fields.Many2one('res.users', 'Agent', readonly=True)
    team_id = fields.Many2one('cs.team', 'Team', readonly=True)
    type_id = fields.Many2one('cs.ticket.type', 'Type', readonly=True)
    company_id = fields.Many2one('res.company', 'Company', readonly=True)
    evaluation = fields.Selection(SATISFACTION, 'Evaluation', readonly=True)
    source = fields.Selection(EVALUATION_SOURCES, 'Evaluated through', readonly=True)
    evaluation_count = fields.Integer('Evaluations', readonly=True)
    valid_count = fields.Integer('Valid Evaluations', readonly=True)
    satisfied_count = fields.Integer('Satisfied', readonly=True)
    satisfaction_rate = fields.Float('Satisfaction (%)', group_operator='avg', readonly=True)
    valid_rate = fields.Float('Valid Rate (%)', group_operator='avg', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS (
                SELECT ticket.id AS id,
                       ticket.id AS ticket_id,
                       COALESCE(ticket.evaluation_date, ticket.create_date) AS date,
                       ticket.user_id AS user_id,
                       ticket.team_id AS team_id,
                       ticket.type_id AS type_id,
                       ticket.company_id AS company_id,
                       ticket.evaluation AS evaluation,
                       ticket.evaluation_source AS source,
                       1 AS evaluation_count,
                       CASE WHEN ticket.evaluation_valid THEN 1 ELSE 0 END AS valid_count,
                       CASE WHEN ticket.evaluation_valid AND ticket.evaluation = 'satisfied' THEN 1 ELSE 0 END
                           AS satisfied_count,
                       CASE WHEN ticket.evaluation_valid
                            THEN (CASE WHEN ticket.evaluation = 'satisfied' THEN 100.0 ELSE 0.0 END) END
                           AS satisfaction_rate,
                       CASE WHEN ticket.evaluation_valid THEN 100.0 ELSE 0.0 END AS valid_rate
                  FROM cs_ticket ticket
                 WHERE ticket.evaluation IS NOT NULL
            )
        """ % self._table)
