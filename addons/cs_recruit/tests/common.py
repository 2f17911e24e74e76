from datetime import timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class RecruitCase(SavepointCase):
    """Shared fixture: a recruiter, an agent and a supervisor of the centre, a customer-service position with
    the default requirements, a channel, and helpers that take a candidate through the pipeline."""

    @classmethod
    def setUpClass(cls):
        super(RecruitCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True,
                                       mail_notrack=True, no_mail_to_attendees=True))
        cls.company = cls.env.user.company_id
        cls.company.write({'cs_recruit_audition_pass_mark': 60, 'cs_recruit_interview_pass_mark': 3,
                           'cs_recruit_offer_hours': 24, 'cs_recruit_retention_months': 3,
                           'cs_recruit_women_band_share': 40})
        cls.recruiter = cls._make_user('t_rc_recruiter', '周婷', ['base.group_user',
                                                                 'hr_recruitment.group_hr_recruitment_user'])
        cls.agent = cls._make_user('t_rc_agent', '张伟', ['cs_helpdesk.group_cs_agent'])
        cls.supervisor = cls._make_user('t_rc_supervisor', '刘洋', ['cs_helpdesk.group_cs_supervisor'])
        cls.channel = cls.env['cs.recruit.channel'].create({'name': '测试网络招聘', 'kind': 'online'})
        cls.channel_campus = cls.env['cs.recruit.channel'].create({'name': '测试校园招聘', 'kind': 'campus'})
        cls.job = cls.env['hr.job'].create({
            'name': '测试客服代表', 'no_of_recruitment': 10, 'cs_pipeline': True,
            'cs_written_survey_id': cls.env.ref('cs_recruit.survey_written_test').id,
            'cs_personality_survey_id': cls.env.ref('cs_recruit.survey_personality_test').id,
            'cs_channel_ids': [(6, 0, (cls.channel | cls.channel_campus).ids)]})
        cls.Applicant = cls.env['hr.applicant'].sudo(cls.recruiter)
        cls.today = fields.Date.from_string(fields.Date.context_today(cls.job))
        cls.stage = {key: cls.env.ref('cs_recruit.stage_' + key) for key in (
            'screening', 'initial_selection', 'audition', 'first_interview', 'second_interview', 'offer', 'hired')}

    @classmethod
    def _make_user(cls, login, name, group_xmlids):
        return cls.env['res.users'].create({
            'login': login, 'name': name, 'email': '%s@example.com' % login,
            'groups_id': [(6, 0, [cls.env.ref(xmlid).id for xmlid in group_xmlids])],
        })

    def years_ago(self, years, days=0):
        return fields.Date.to_string(self.today - timedelta(days=int(years * 365.25) + days))

    def make_applicant(self, name='王晓雪', channel=None, **values):
        """A candidate meeting the default requirements: 24, bachelor, 70 characters/min, Mandarin 2-A, Office."""
        vals = {'name': '测试客服代表 - %s' % name, 'partner_name': name, 'job_id': self.job.id,
                'email_from': 'candidate@example.com', 'cs_gender': 'female',
                'cs_birth_date': self.years_ago(24, 30), 'cs_education': 'bachelor', 'cs_typing_speed': 70,
                'cs_mandarin_level': '2a', 'cs_office_skills': True,
                'source_id': (channel or self.channel).source_id.id}
        vals.update(values)
        return self.Applicant.create(vals)

    def pass_audition(self, applicant, score=4):
        audition = self.env['cs.audition'].sudo(self.recruiter).create({'applicant_id': applicant.id})
        for line in audition.line_ids:
            line.score = score
        audition.action_done()
        return audition

    def interview(self, applicant, round_='first', score=4, held=True):
        interview = self.env['cs.interview'].sudo(self.recruiter).create({
            'applicant_id': applicant.id, 'round': round_, 'interviewer_ids': [(6, 0, self.recruiter.ids)]})
        if held:
            interview.write({name: score for name in (
                'score_communication', 'score_service', 'score_emotion', 'score_learning', 'score_teamwork',
                'score_problem_solving')})
            interview.action_done()
        return interview

    def take_test(self, applicant, kind, best_answers=True):
        """The candidate answers every question of the job's survey, with the best (or the worst) choice."""
        survey = self.job.cs_written_survey_id if kind == 'written' else self.job.cs_personality_survey_id
        test = self.env['cs.recruit.test'].sudo(self.recruiter).create(
            {'applicant_id': applicant.id, 'kind': kind, 'survey_id': survey.id})
        answers = test._ensure_answers()
        for question in survey.page_ids.mapped('question_ids'):
            labels = question.labels_ids.sorted('quizz_mark', reverse=True)
            self.env['survey.user_input_line'].create({
                'user_input_id': answers.id, 'question_id': question.id, 'survey_id': survey.id,
                'answer_type': 'suggestion', 'value_suggested': (labels[0] if best_answers else labels[-1]).id})
        answers.state = 'done'
        return test

    def bring_to_offer(self, applicant):
        """Screen, audition, first interview and tests, second interview with terms, offer sent."""
        applicant.action_cs_screen()
        applicant.stage_id = self.stage['initial_selection']
        applicant.stage_id = self.stage['audition']
        self.pass_audition(applicant)
        applicant.stage_id = self.stage['first_interview']
        self.interview(applicant, 'first')
        self.take_test(applicant, 'written')
        self.take_test(applicant, 'personality')
        applicant.stage_id = self.stage['second_interview']
        second = self.interview(applicant, 'second')
        second.write({'offer_salary': 4200, 'offer_salary_extra': '五险一金', 'offer_terms': '试用期三个月',
                      'offer_start_date': fields.Date.to_string(self.today + timedelta(days=7))})
        second.action_make_offer()
        return second


class TrainingCase(SavepointCase):
    """Shared training fixture: a trainer, two agents and a leader with employee records, a supervisor and a
    director without, a team led by the leader, a call queue, the onboarding course of the addon's data and a
    skills course with the onboarding exam survey (five questions of 20 points, 100 in all)."""

    @classmethod
    def setUpClass(cls):
        super(TrainingCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True,
                                       mail_notrack=True, mail_create_nolog=True))
        make = RecruitCase._make_user.__func__
        cls.trainer = make(cls, 't_tr_trainer', '孙老师', ['cs_helpdesk.group_cs_trainer'])
        cls.agent_user = make(cls, 't_tr_agent', '李娜', ['cs_helpdesk.group_cs_agent'])
        cls.agent2_user = make(cls, 't_tr_agent2', '王磊', ['cs_helpdesk.group_cs_agent'])
        cls.outsider_user = make(cls, 't_tr_outsider', '赵强', ['cs_helpdesk.group_cs_agent'])
        cls.leader = make(cls, 't_tr_leader', '陈班长', ['cs_helpdesk.group_cs_leader'])
        cls.supervisor = make(cls, 't_tr_supervisor', '刘主管', ['cs_helpdesk.group_cs_supervisor'])
        cls.director = make(cls, 't_tr_director', '周总监', ['cs_helpdesk.group_cs_director'])
        cls.team = cls.env['cs.team'].create({
            'name': '培训测试组', 'code': 'TTR', 'leader_id': cls.leader.id, 'supervisor_id': cls.supervisor.id,
            'member_ids': [(6, 0, (cls.agent_user | cls.agent2_user | cls.leader).ids)]})
        cls.other_team = cls.env['cs.team'].create({'name': '其他组', 'code': 'TTO',
                                                    'member_ids': [(6, 0, cls.outsider_user.ids)]})
        Employee = cls.env['hr.employee']
        cls.agent = Employee.create({'name': '李娜', 'user_id': cls.agent_user.id})
        cls.agent2 = Employee.create({'name': '王磊', 'user_id': cls.agent2_user.id})
        cls.outsider = Employee.create({'name': '赵强', 'user_id': cls.outsider_user.id})
        cls.leader_employee = Employee.create({'name': '陈班长', 'user_id': cls.leader.id})
        cls.queue = cls.env['cs.call.queue'].create({'name': '培训测试队列', 'code': 'ttr-queue'})
        cls.onboarding = cls.env.ref('cs_recruit.training_course_onboarding')
        cls.exam_survey = cls.env.ref('cs_recruit.survey_training_onboarding_exam')
        cls.skills = cls.env['cs.training.course'].create({
            'name': '业务技能测试课', 'category': 'skills', 'method': 'classroom', 'duration_hours': 2,
            'exam_survey_id': cls.exam_survey.id})
        cls.no_exam = cls.env['cs.training.course'].create({
            'name': '心理抗压测试课', 'category': 'resilience', 'method': 'self_study', 'duration_hours': 3})
        cls.Session = cls.env['cs.training.session'].sudo(cls.trainer)

    def make_session(self, course, employees, date_start='2026-03-10 01:00:00', **values):
        vals = {'course_id': course.id, 'date_start': date_start,
                'date_end': date_start[:11] + '09:00:00',
                'attendance_ids': [(0, 0, {'employee_id': employee.id}) for employee in employees]}
        vals.update(values)
        return self.Session.create(vals)

    def answer_exam(self, line, wrong_answers=0):
        """The attendee answers the exam survey: the first ``wrong_answers`` questions wrong, the rest right."""
        answers = line._ensure_exam_input()
        survey = line.session_id.exam_survey_id
        for index, question in enumerate(survey.page_ids.mapped('question_ids')):
            labels = question.labels_ids.sorted('quizz_mark', reverse=True)
            self.env['survey.user_input_line'].create({
                'user_input_id': answers.id, 'question_id': question.id, 'survey_id': survey.id,
                'answer_type': 'suggestion',
                'value_suggested': (labels[-1] if index < wrong_answers else labels[0]).id})
        answers.state = 'done'
        return answers

    def certify(self, employee):
        """Pass the onboarding course with a score of 100, as the trainer."""
        session = self.make_session(self.onboarding, employee, date_start='2026-01-05 01:00:00')
        session.action_schedule()
        session.action_start()
        session.action_evaluate()
        session.attendance_ids.exam_score = 100
        session.action_done()
        return session
