from odoo import fields, models, tools


class CsReturnVisitReport(models.Model):
    """Monthly return-visit analysis of repair orders (H7, feeds K2 #7 and #8), one row per repair order.

    Rates are averages of 100/0 row values, so the pivot shows them per agent, team and month directly:
    - return-visit rate: repair orders with a visit made (reached, not reached or refused) / repair orders;
    - effective rate: orders whose visit reached the customer and was valid / orders with a visit made
      (rows without a visit carry no value and do not count).
    The agent is the one who made the visit, or the order's first-contact owner while nobody has.
    """
    _name = 'cs.return.visit.report'
    _description = 'Return Visit Analysis'
    _auto = False
    _order = 'date desc'

    ticket_id = fields.Many2one('cs.ticket', 'Work Order', readonly=True)
    date = fields.Datetime('Order Date', readonly=True)
    user_id = fields.Many2one('res.users', 'Agent', readonly=True)
    team_id = fields.Many2one('cs.team', 'Team', readonly=True)
    company_id = fields.Many2one('res.company', 'Company', readonly=True)
    repair_count = fields.Integer('Repair Orders', readonly=True)
    visited_count = fields.Integer('Visits Made', readonly=True)
    effective_count = fields.Integer('Effective Visits', readonly=True)
    visit_rate = fields.Float('Return-Visit Rate (%)', group_operator='avg', readonly=True)
    effective_rate = fields.Float('Effective Rate (%)', group_operator='avg', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS (
                SELECT ticket.id AS id,
                       ticket.id AS ticket_id,
                       ticket.create_date AS date,
                       COALESCE(visit.user_id, ticket.owner_id) AS user_id,
                       ticket.team_id AS team_id,
                       ticket.company_id AS company_id,
                       1 AS repair_count,
                       CASE WHEN visit.made THEN 1 ELSE 0 END AS visited_count,
                       CASE WHEN visit.effective THEN 1 ELSE 0 END AS effective_count,
                       CASE WHEN visit.made THEN 100.0 ELSE 0.0 END AS visit_rate,
                       CASE WHEN visit.made THEN (CASE WHEN visit.effective THEN 100.0 ELSE 0.0 END) END
                           AS effective_rate
                  FROM cs_ticket ticket
                  JOIN cs_ticket_type ticket_type ON ticket_type.id = ticket.type_id AND ticket_type.code = 'repair'
                  LEFT JOIN LATERAL (
                       SELECT bool_or(state IN ('reached', 'not_reached', 'refused')) AS made,
                              bool_or(state = 'reached' AND is_valid) AS effective,
                              max(user_id) FILTER (WHERE state IN ('reached', 'not_reached', 'refused')) AS user_id
                         FROM cs_return_visit
                        WHERE ticket_id = ticket.id
                  ) visit ON TRUE
            )
        """ % self._table)
