from odoo import fields, models, tools


class CsQaCompletionReport(models.Model):
    """QC completion per agent and month (K2 #10): reviews done against the plan of the company's sample share."""
    _name = 'cs.qa.completion.report'
    _description = 'QC Completion Analysis'
    _auto = False
    _order = 'date_from desc, user_id'

    user_id = fields.Many2one('res.users', 'Agent', readonly=True)
    date_from = fields.Date('Month', readonly=True)
    company_id = fields.Many2one('res.company', 'Company', readonly=True)
    answered_count = fields.Integer('Manually Answered Calls', readonly=True,
                                    help="Inbound answered calls with an agent in the month.")
    planned = fields.Integer('Planned Reviews', readonly=True,
                             help="ceil(manually answered calls × the company's QA sample % / 100).")
    done_count = fields.Integer('Reviews Done', readonly=True,
                                help="The agent's reviews past draft on calls of the month.")
    completion_rate = fields.Float('Completion Rate (%)', readonly=True, group_operator='avg',
                                   help="Reviews done / planned reviews × 100.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW cs_qa_completion_report AS (
                WITH answered AS (
                    SELECT agent_id AS user_id, date_trunc('month', date_start)::date AS date_from,
                           company_id, count(*) AS answered_count
                      FROM cs_call
                     WHERE direction = 'in' AND status = 'answered' AND agent_id IS NOT NULL
                     GROUP BY 1, 2, 3
                ), done AS (
                    SELECT review.agent_id AS user_id, date_trunc('month', review.call_date)::date AS date_from,
                           review.company_id, count(*) AS done_count
                      FROM cs_qa_review review
                     WHERE review.state != 'draft'
                     GROUP BY 1, 2, 3
                ), planned AS (
                    SELECT answered.*,
                           ceil(round((answered.answered_count * coalesce(company.cs_qa_sample_percent, 5)
                                       / 100.0)::numeric, 6))::integer AS planned
                      FROM answered
                      JOIN res_company company ON company.id = answered.company_id
                )
                SELECT row_number() OVER (ORDER BY planned.date_from, planned.user_id) AS id,
                       planned.user_id, planned.date_from, planned.company_id, planned.answered_count,
                       planned.planned, coalesce(done.done_count, 0) AS done_count,
                       CASE WHEN planned.planned > 0
                            THEN 100.0 * coalesce(done.done_count, 0) / planned.planned ELSE 0 END
                           AS completion_rate
                  FROM planned
                  LEFT JOIN done ON done.user_id = planned.user_id AND done.date_from = planned.date_from
                                AND done.company_id = planned.company_id
            )
        """)
