from odoo import fields, models

from ..services import pipeline


class CsRecruitGate(models.Model):
    """A check a candidate must have passed before entering a stage (R2), e.g. "Voice audition passed".

    The codes are fixed (each one is computed on the applicant); which stage requires which gates is the
    configuration, on the stage.
    """
    _name = 'cs.recruit.gate'
    _description = 'Recruitment Gate'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(pipeline.GATES, required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)

    _sql_constraints = [('code_unique', 'unique(code)', 'There is one gate per check.')]


class HrRecruitmentStage(models.Model):
    _inherit = 'hr.recruitment.stage'

    cs_pipeline = fields.Boolean(
        'Customer Service Pipeline',
        help="The stage belongs to the customer-service pipeline (简历筛选 → 录用): job positions using that pipeline "
             "show these stages, the other positions show the others.")
    cs_gate_ids = fields.Many2many(
        'cs.recruit.gate', 'cs_recruit_gate_stage_rel', 'stage_id', 'gate_id', string='Gates',
        help="Checks an applicant must have passed before being moved into this stage.")
