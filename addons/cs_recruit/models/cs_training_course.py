from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import _

from ..services import training

COURSE_CATEGORIES = [
    ('onboarding', 'Onboarding'),
    ('skills', 'Periodic Skills'),
    ('resilience', 'Psychological Resilience'),
    ('key_skills', 'Key Skills'),
]
COURSE_METHODS = [
    ('classroom', 'Classroom'),
    ('on_the_job', 'On the Job'),
    ('external', 'External'),
    ('self_study', 'Self-Study'),
]


class CsTrainingTopic(models.Model):
    """A subject a course covers (R8): company, product, service norms, telesales scripts, objection handling,
    emotion control for onboarding; monitoring and coaching, report analysis, floor management, recruiting for
    the key skills of leaders."""
    _name = 'cs.training.topic'
    _description = 'Training Topic'
    _order = 'category, sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(COURSE_CATEGORIES, required=True, default='onboarding')
    active = fields.Boolean(default=True)


class CsTrainingCourse(models.Model):
    """A training course (培训课程): what is taught, how, for how long, with which materials, and how it is
    checked (a scored survey as exam, pass mark 85 by default) and rated (a satisfaction survey)."""
    _name = 'cs.training.course'
    _description = 'Training Course'
    _inherit = ['mail.thread']
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True, track_visibility='onchange')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    category = fields.Selection(COURSE_CATEGORIES, required=True, default='skills', track_visibility='onchange')
    method = fields.Selection(COURSE_METHODS, required=True, default='classroom', track_visibility='onchange')
    topic_ids = fields.Many2many('cs.training.topic', string='Topics')
    is_onboarding = fields.Boolean(
        'Onboarding Course', track_visibility='onchange',
        help="Passing this course certifies a new agent (R9): only certified agents join call queues and are "
             "assigned work orders. New hires are enrolled in it automatically.")
    duration_hours = fields.Float('Duration (Hours)', default=8.0)
    trainer_id = fields.Many2one('res.users', 'Trainer', default=lambda self: self.env.user,
                                 help="Default trainer of the course's sessions.")
    description = fields.Html('Content')
    material_ids = fields.One2many('cs.training.material', 'course_id', 'Materials', copy=True)
    exam_survey_id = fields.Many2one(
        'survey.survey', 'Exam', domain=[('quizz_mode', '=', True)],
        help="Scored survey taken at the end of the course: the score is the sum of the quiz marks of the chosen "
             "answers.")
    pass_mark = fields.Float('Pass Mark', default=training.DEFAULT_EXAM_PASS_MARK, track_visibility='onchange')
    satisfaction_survey_id = fields.Many2one('survey.survey', 'Satisfaction Questionnaire')
    session_ids = fields.One2many('cs.training.session', 'course_id', 'Sessions')
    session_count = fields.Integer(compute='_compute_counts')
    attendance_count = fields.Integer('Participants', compute='_compute_counts')
    pass_rate = fields.Float('Pass Rate (%)', compute='_compute_counts')

    @api.multi
    def _compute_counts(self):
        Attendance = self.env['cs.training.attendance']
        sessions = {group['course_id'][0]: group['course_id_count'] for group in self.env[
            'cs.training.session'].read_group([('course_id', 'in', self.ids)], ['course_id'], ['course_id'])}
        results = {}
        for group in Attendance.read_group([('course_id', 'in', self.ids), ('result', '!=', 'pending')],
                                           ['course_id', 'result'], ['course_id', 'result'], lazy=False):
            results.setdefault(group['course_id'][0], {})[group['result']] = group['__count']
        for course in self:
            counts = results.get(course.id, {})
            course.session_count = sessions.get(course.id, 0)
            course.attendance_count = sum(counts.values())
            course.pass_rate = training.attendance_rate(counts.get('passed', 0), sum(counts.values())) or 0.0

    @api.constrains('pass_mark', 'duration_hours')
    def _check_numbers(self):
        for course in self:
            if course.pass_mark < 0:
                raise ValidationError(_("Course %s: the pass mark cannot be negative.") % course.name)
            if course.duration_hours < 0:
                raise ValidationError(_("Course %s: the duration cannot be negative.") % course.name)

    @api.multi
    def action_view_sessions(self):
        self.ensure_one()
        action = self.env.ref('cs_recruit.cs_training_session_action').read()[0]
        action['domain'] = [('course_id', '=', self.id)]
        action['context'] = {'default_course_id': self.id}
        return action

    @api.multi
    def action_view_results(self):
        self.ensure_one()
        action = self.env.ref('cs_recruit.cs_training_attendance_action').read()[0]
        action['domain'] = [('course_id', '=', self.id)]
        return action


class CsTrainingMaterial(models.Model):
    """Course material: a document (uploaded) or a link (video, online course, shared folder)."""
    _name = 'cs.training.material'
    _description = 'Training Material'
    _order = 'sequence, id'

    course_id = fields.Many2one('cs.training.course', 'Course', required=True, ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    url = fields.Char('Link')
    file = fields.Binary('Document', attachment=True)
    file_name = fields.Char('File Name')

    @api.constrains('name', 'url', 'file')
    def _check_content(self):
        for material in self:
            if not material.url and not material.file:
                raise ValidationError(_("Material %s: give a link or upload a document.") % material.name)
