from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..services import qa_sampling
from .cs_qa_review import check_qa_user


class CsQaPlan(models.Model):
    """An agent's inspection plan for a month: a share of their manually answered calls, drawn at random."""
    _name = 'cs.qa.plan'
    _description = 'Quality Inspection Plan'
    _order = 'date_from desc, user_id'

    user_id = fields.Many2one('res.users', 'Agent', required=True, index=True, ondelete='cascade')
    date_from = fields.Date('Month', required=True, index=True, help="First day of the month.")
    answered_count = fields.Integer('Manually Answered Calls', readonly=True)
    planned = fields.Integer('Planned Reviews', readonly=True)
    sample_call_ids = fields.Many2many('cs.call', 'cs_qa_plan_call_rel', 'plan_id', 'call_id', 'Sample',
                                       readonly=True)
    done_count = fields.Integer('Reviews Done', compute='_compute_done')
    completion_rate = fields.Float('Completion Rate (%)', compute='_compute_done')
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id)

    _sql_constraints = [('user_month_unique', 'unique(user_id, date_from)', 'One plan per agent and month.')]

    @api.depends('user_id', 'date_from', 'planned')
    def _compute_done(self):
        for plan in self:
            date_to = fields.Date.to_string(fields.Date.from_string(plan.date_from) + relativedelta(months=1))
            plan.done_count = self.env['cs.qa.review'].sudo().search_count([
                ('agent_id', '=', plan.user_id.id), ('state', '!=', 'draft'),
                ('call_date', '>=', plan.date_from), ('call_date', '<', date_to)])
            plan.completion_rate = 100.0 * plan.done_count / plan.planned if plan.planned else 0.0

    @api.model
    def generate(self, date_from):
        """Make or refresh the plan of every agent with manually answered calls in the month of ``date_from``
        ('YYYY-MM-DD'); returns the number of plans. The sample of a plan is the same on every run."""
        check_qa_user(self)
        try:
            start = fields.Date.from_string(date_from).replace(day=1)
        except (TypeError, ValueError):
            raise UserError(_('"%s" is not a date (YYYY-MM-DD).') % (date_from,))
        end = start + relativedelta(months=1)
        company = self.env.user.company_id
        percent = company.cs_qa_sample_percent
        # Manually answered calls = inbound answered calls with an agent (cs.call).
        self.env.cr.execute("""
            SELECT agent_id, array_agg(id)
              FROM cs_call
             WHERE direction = 'in' AND status = 'answered' AND agent_id IS NOT NULL
               AND date_start >= %s AND date_start < %s
               AND (company_id IS NULL OR company_id = %s)
             GROUP BY agent_id
        """, (fields.Date.to_string(start), fields.Date.to_string(end), company.id))
        plans = self.sudo().browse()
        month = start.strftime('%Y-%m')
        for agent_id, call_ids in self.env.cr.fetchall():
            planned = qa_sampling.planned_count(len(call_ids), percent)
            values = {'answered_count': len(call_ids), 'planned': planned,
                      'sample_call_ids': [(6, 0, qa_sampling.pick_sample(call_ids, planned, agent_id, month))]}
            plan = self.sudo().search([('user_id', '=', agent_id), ('date_from', '=', fields.Date.to_string(start))])
            if plan:
                plan.write(values)
            else:
                values.update(user_id=agent_id, date_from=fields.Date.to_string(start), company_id=company.id)
                plan = plan.create(values)
            plans |= plan
        return len(plans)

    @api.model
    def action_my_sample(self):
        """The calls of this month's samples not yet reviewed by anyone: the inspector's work list."""
        check_qa_user(self)
        month = fields.Date.to_string(date.today().replace(day=1))
        if not self.search_count([('date_from', '=', month)]):
            self.generate(month)
        plans = self.search([('date_from', '=', month)])
        calls = plans.mapped('sample_call_ids').filtered(lambda call: not call.qa_review_ids)
        return {
            'type': 'ir.actions.act_window', 'name': _('My Sample'), 'res_model': 'cs.call',
            'view_mode': 'tree,form',
            'views': [(self.env.ref('cs_callcenter.cs_call_view_tree_qa_sample').id, 'tree'), (False, 'form')],
            'domain': [('id', 'in', calls.ids)], 'target': 'current',
        }
