"""Demo training: employee records for the demo agents and leaders (certified by an onboarding passed half a
year ago), the new hires of the recruitment demo in onboarding (a past session where most passed, the rest in
the next session), the monthly skills exams of the hotline teams and a course on complaints. Loaded from
demo/cs_training_demo.xml, after the helpdesk and call-centre demo, so the certification gate never refuses
the demo's own work orders and queue memberships."""
import random
from datetime import datetime, time, timedelta

from odoo import api, fields, models

from ..services import training

DEMO_USERS = ['user_agent', 'user_agent2', 'user_agent3', 'user_agent4', 'user_agent5', 'user_agent6',
              'user_leader', 'user_leader2']


class CsTrainingDemo(models.AbstractModel):
    _name = 'cs.training.demo'
    _description = 'Training Demo Data Generator'

    @api.model
    def _generate(self, seed=20261126):
        """Create the demo training data; deterministic for a given ``seed``. Returns the number of results."""
        rng = random.Random(seed)
        # In the language of the demo users: session names, course chatter.
        env = self.with_context(tracking_disable=True, mail_notrack=True, mail_create_nolog=True,
                                lang=self.env['cs.demo.language']._demo_language()).env
        ref = lambda xmlid: env.ref(xmlid if '.' in xmlid else 'cs_recruit.' + xmlid)
        department = ref('department_customer_service')
        job = ref('job_cs_agent')
        today = fields.Date.from_string(fields.Date.context_today(self))
        employees = env['hr.employee']
        for xmlid in DEMO_USERS:
            user = ref('cs_helpdesk.' + xmlid)
            employee = env['hr.employee'].search([('user_id', '=', user.id)], limit=1) or env['hr.employee'].create({
                'name': user.name, 'user_id': user.id, 'department_id': department.id, 'job_id': job.id,
                'work_email': user.email})
            employees |= employee
        onboarding = ref('training_course_onboarding')
        # Half a year ago: every demo agent passed the onboarding course, so they are certified.
        self._run_session(env, rng, onboarding, employees, today - timedelta(days=180), pass_share=1.0)
        agents = employees.filtered(lambda employee: 'leader' not in (employee.user_id.login or ''))
        # The new hires of the recruitment demo were enrolled in the next onboarding session; the earlier ones
        # took a session three weeks ago, where most of them passed.
        hires = env['hr.employee'].search([('department_id', '=', department.id), ('id', 'not in', employees.ids)])
        early = hires[:max(len(hires) * 2 // 3, 1)] if hires else hires
        if early:
            early.mapped('cs_training_attendance_ids').filtered(lambda line: line.is_onboarding).unlink()
            self._run_session(env, rng, onboarding, early, today - timedelta(days=21), pass_share=0.7)
        for index, hire in enumerate(hires):
            hire.cs_mentor_id = agents[index % len(agents)] if agents else False
        # Monthly skills exams of the two hotline teams: last month done, this month scheduled.
        exam_course = ref('training_course_monthly_exam')
        last_month = training.month_bounds(today)[0] - timedelta(days=1)
        Session = env['cs.training.session']
        for team_xmlid in ('cs_helpdesk.team_hotline_1', 'cs_helpdesk.team_hotline_2'):
            team = ref(team_xmlid)
            past = Session._create_monthly_exam(team, exam_course, fields.Date.to_string(last_month))
            self._finish(env, rng, past, pass_share=0.75)
            upcoming = Session._create_monthly_exam(team, exam_course, fields.Date.to_string(today))
            upcoming.action_schedule()
        # The complaints course: one session last month (one agent absent), the next one in a week.
        complaints = ref('training_course_complaints')
        self._run_session(env, rng, complaints, agents, last_month - timedelta(days=10), pass_share=1.0, absent=1)
        self._run_session(env, rng, complaints, agents, today + timedelta(days=7), pass_share=None)
        return env['cs.training.attendance'].search_count([])

    def _run_session(self, env, rng, course, employees, day, pass_share, absent=0):
        """A session of ``course`` on ``day`` (09:00 in China) for ``employees``; finished unless
        ``pass_share`` is None (then only scheduled)."""
        start = datetime.combine(day, time(1, 0))
        session = env['cs.training.session'].create({
            'course_id': course.id, 'trainer_id': course.trainer_id.id, 'location': '培训教室(三楼)',
            'date_start': fields.Datetime.to_string(start),
            'date_end': fields.Datetime.to_string(start + timedelta(hours=min(course.duration_hours or 2, 8))),
            'attendance_ids': [(0, 0, {'employee_id': employee.id}) for employee in employees],
        })
        session.action_schedule()
        if pass_share is not None:
            self._finish(env, rng, session, pass_share, absent)
        return session

    def _finish(self, env, rng, session, pass_share, absent=0):
        """Take the session through attendance, exam and satisfaction to done."""
        if session.state == 'draft':
            session.action_schedule()
        session.action_start()
        lines = session.attendance_ids
        for line in lines[len(lines) - absent:] if absent else []:
            line.presence = 'absent'
        session.action_evaluate()
        survey = session.exam_survey_id
        for index, line in enumerate(lines.filtered(lambda line: line.presence == 'present')):
            passed = rng.random() < pass_share
            if survey and index % 2 == 0:
                # Half of them answered the exam survey on the training room's computer...
                answers = line._ensure_exam_input()
                for question in survey.page_ids.mapped('question_ids'):
                    labels = question.labels_ids.sorted('quizz_mark', reverse=True)
                    wrong = not passed and question == survey.page_ids.mapped('question_ids')[0]
                    env['survey.user_input_line'].create({
                        'user_input_id': answers.id, 'question_id': question.id, 'survey_id': survey.id,
                        'answer_type': 'suggestion', 'value_suggested': (labels[-1] if wrong else labels[0]).id})
                answers.state = 'done'
            elif survey:
                # ... the others wrote it on paper and the trainer keyed in the score.
                line.exam_score = rng.choice([86, 88, 90, 92, 95, 100]) if passed else rng.choice([60, 72, 78, 84])
            line.satisfaction = rng.choice(['satisfied'] * 6 + ['neutral'] * 2 + ['dissatisfied'])
        session.action_done()
        return session
