"""Demo recruitment campaigns: applicants of the two demo positions spread over the stages of the
customer-service pipeline, each brought there through the real flow (screening, audition, interviews, tests,
offer), so the gates, the funnel and the channel figures are consistent. Loaded from demo/cs_recruit_demo.xml.
"""
import random
from datetime import date, datetime, timedelta

from odoo import api, fields, models

SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡'
FEMALE_NAMES = ['晓雪', '丽娟', '婷婷', '佳怡', '雨欣', '静怡', '梦瑶', '欣然', '晓燕', '思琪', '慧敏', '美玲']
MALE_NAMES = ['浩然', '俊杰', '志强', '宇航', '子轩', '明辉', '建华', '晓东', '立新', '文博', '振宇', '家豪']
EMPLOYERS = ['山东有线济南分公司', '中国移动10086济南客服中心', '京东济南呼叫中心', '银座商城', '海尔服务中心',
             '齐鲁银行信用卡中心', '顺丰速运济南营业部', '美团外卖济南站', '大润发超市', '华润万家', '联通10010客服',
             '平安保险电销中心']
RELEVANT = {'山东有线济南分公司', '中国移动10086济南客服中心', '京东济南呼叫中心', '齐鲁银行信用卡中心',
            '联通10010客服', '平安保险电销中心'}
STAGES = ['stage_screening', 'stage_initial_selection', 'stage_audition', 'stage_first_interview',
          'stage_second_interview', 'stage_offer', 'stage_hired']


class CsRecruitDemo(models.AbstractModel):
    _name = 'cs.recruit.demo'
    _description = 'Recruitment Demo Data Generator'

    @api.model
    def _generate(self, seed=20261125):
        """Create the demo applicants of the agent (客服代表) and shift-leader (话务班长) positions.

        Deterministic for a given ``seed``. The agent campaign has 40 applicants, the shift-leader one 14.
        """
        rng = random.Random(seed)
        # In the language of the demo users: screening reasons, scores, offers, interview entries.
        env = self.with_context(tracking_disable=True, mail_notrack=True, mail_create_nolog=True,
                                no_reset_password=True, lang=self.env['cs.demo.language']._demo_language()).env
        ref = lambda xmlid: env.ref('cs_recruit.' + xmlid)
        written, personality = ref('survey_written_test'), ref('survey_personality_test')
        for job_xmlid in ('job_cs_agent', 'job_cs_shift_leader'):
            ref(job_xmlid).write({'cs_written_survey_id': written.id, 'cs_personality_survey_id': personality.id})
        # Target stage index of each applicant (0 = still in screening ... 6 = hired), per campaign.
        plans = [
            ('job_cs_agent', 40, [0] * 8 + [1] * 5 + [2] * 6 + [3] * 6 + [4] * 5 + [5] * 3 + [6] * 7),
            ('job_cs_shift_leader', 14, [0] * 3 + [1] * 2 + [2] * 2 + [3] * 3 + [4] * 1 + [5] * 1 + [6] * 2),
        ]
        now = datetime.now()
        applicants = []
        used_names = set()
        for job_xmlid, count, targets in plans:
            job = ref(job_xmlid)
            channels = job.cs_channel_ids
            for index in range(count):
                target = targets[index]
                applicants.append(self._demo_applicant(env, rng, job, channels, target, now, used_names, index))
        # Offers sent 30 hours ago lapse by the scheduled action, like in production.
        env['hr.applicant']._cron_cs_lapse_offers()
        return len(applicants)

    def _demo_applicant(self, env, rng, job, channels, target, now, used, index):
        female = rng.random() < 0.7  # S4: women preferred; S0 warns about their age structure
        name = rng.choice(SURNAMES) + rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        while name in used:
            name = rng.choice(SURNAMES) + rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        used.add(name)
        today = date.today()
        # Candidates meant to go far meet the requirements; the others sometimes do not.
        weak = target == 0 and rng.random() < 0.7
        age = rng.randint(18, 44) if weak else rng.randint(20, 26 if female and rng.random() < 0.6 else 38)
        birth_date = today - timedelta(days=age * 365 + rng.randint(10, 300))
        education = rng.choice(['high_school', 'junior_college', 'junior_college', 'bachelor']) if weak else \
            rng.choice(['junior_college', 'junior_college', 'bachelor', 'bachelor', 'master'])
        typing = rng.randint(30, 90) if weak else rng.randint(job.cs_min_typing_speed, 110)
        mandarin = rng.choice(['3a', '2b', '2a']) if weak else rng.choice(['2a', '2a', '1b'])
        history = []
        start = today - timedelta(days=rng.randint(300, 2000))
        employers = rng.sample(EMPLOYERS, rng.randint(4, 5) if weak and rng.random() < 0.4 else rng.randint(0, 3))
        for employer in employers:
            end = min(start + timedelta(days=rng.randint(120, 700)), today)
            if end <= start:
                break
            history.append((0, 0, {'employer': employer, 'date_from': fields.Date.to_string(start),
                                   'date_to': fields.Date.to_string(end), 'relevant': employer in RELEVANT,
                                   'position': '客服专员' if employer in RELEVANT else '店员'}))
            start = end + timedelta(days=rng.randint(5, 60))
        phone = '1%s%08d' % (rng.choice(['38', '39', '58', '86', '87']), rng.randint(0, 99999999))
        channel = rng.choice(channels) if channels else env['cs.recruit.channel']
        applicant = env['hr.applicant'].create({
            'name': '%s - %s' % (job.name, name), 'partner_name': name, 'job_id': job.id,
            'partner_mobile': phone, 'email_from': 'cand%s@example.com' % phone[-6:],
            'source_id': channel.source_id.id, 'cs_gender': 'female' if female else 'male',
            'cs_birth_date': fields.Date.to_string(birth_date), 'cs_education': education,
            'cs_typing_speed': typing, 'cs_mandarin_level': mandarin, 'cs_office_skills': not weak or rng.random() < 0.5,
            'cs_work_history_ids': history, 'user_id': job.user_id.id,
        })
        applicant.action_cs_screen()
        if target == 0 and applicant.cs_screening_state == 'failed' and rng.random() < 0.5:
            applicant.archive_applicant()
        if target >= 1 and not applicant.cs_screening_passed:
            applicant.action_cs_override_screening('面试官推荐,工作经验丰富')
        stage = lambda position: env.ref('cs_recruit.' + STAGES[position])
        if target >= 1:
            applicant.stage_id = stage(1)
        if target >= 2:
            applicant.stage_id = stage(2)
        if target >= 3 or (target == 2 and rng.random() < 0.5):
            self._demo_audition(env, rng, applicant, passed=target >= 3)
        if target >= 3:
            applicant.stage_id = stage(3)
            came = target >= 4 or rng.random() < 0.7
            interview = self._demo_interview(env, rng, applicant, 'first', came, passed=target >= 4)
            if came:
                self._demo_test(env, rng, applicant, 'written', passed=target >= 4)
                self._demo_test(env, rng, applicant, 'personality', passed=target >= 4)
            elif not interview:
                pass
        if target >= 4:
            applicant.stage_id = stage(4)
            second = self._demo_interview(env, rng, applicant, 'second', True, passed=target >= 5)
            if target >= 5:
                second.write({'offer_salary': 3800 if applicant.job_id.cs_min_age < 22 else 5200,
                              'offer_salary_extra': '五险一金,夜班补贴', 'offer_terms': '试用期三个月,做五休二,轮班。',
                              'offer_start_date': fields.Date.to_string(today + timedelta(days=7))})
                second.action_make_offer()
        # Backdate the application (and the offer / hire) so time to hire and retention look real.
        applied = now - timedelta(days=rng.randint(3, 40) if target < 6 else rng.randint(60, 200), hours=rng.randint(0, 9))
        env.cr.execute("UPDATE hr_applicant SET create_date = %s WHERE id = %s", (applied, applicant.id))
        if target == 5 and index % 2 == 0:  # every other offer was left unanswered for 30 hours
            applicant.cs_offer_sent_date = fields.Datetime.to_string(now - timedelta(hours=30))
        if target == 6:
            applicant.action_cs_accept_offer()
            hired = applied + timedelta(days=rng.randint(12, 30))
            env.cr.execute("UPDATE hr_applicant SET cs_date_hired = %s WHERE id = %s", (hired, applicant.id))
            if (now - hired).days > 95 and rng.random() < 0.3:
                applicant.emp_id.active = False  # left during the forming period
        return applicant

    def _demo_audition(self, env, rng, applicant, passed):
        audition = env['cs.audition'].create({
            'applicant_id': applicant.id, 'user_id': applicant.user_id.id or env.uid,
            'answer_self': '目前在商场做导购,负责接待顾客和处理退换货。',
            'answer_achievement': '连续三个月被评为门店服务之星。',
            'answer_frustration': '一次处理顾客投诉时没有及时上报,导致问题升级。',
            'answer_advantages': '普通话标准,有耐心,打字速度快。',
        })
        for line in audition.line_ids:
            line.score = rng.randint(3, 5) if passed else rng.randint(1, 3)
        audition.action_done()
        return audition

    def _demo_interview(self, env, rng, applicant, round_, came, passed):
        interview = env['cs.interview'].with_context(no_mail_to_attendees=True).create({
            'applicant_id': applicant.id, 'round': round_, 'location': '三楼会议室',
            'date_start': fields.Datetime.to_string(datetime.now() - timedelta(days=rng.randint(1, 5))),
            'interviewer_ids': [(6, 0, (applicant.user_id | env.ref('base.user_root')).ids)],
            'check_room': True, 'check_materials': True, 'check_resume': True, 'check_audition': True,
        })
        if not came:
            interview.action_no_show()
            return interview
        scores = {name: (rng.randint(3, 5) if passed else rng.randint(1, 3)) for name in (
            'score_communication', 'score_service', 'score_emotion', 'score_learning', 'score_teamwork',
            'score_problem_solving')}
        if passed:
            scores['score_communication'] = 4
        else:
            scores['score_communication'] = 2
        interview.write(dict(scores, punctual=passed or rng.random() < 0.5, etiquette=True,
                             recommendation='沟通顺畅,服务意识较强。' if passed else '表达不够清晰,抗压能力一般。'))
        interview.action_done()
        return interview

    def _demo_test(self, env, rng, applicant, kind, passed):
        survey = applicant.job_id.cs_written_survey_id if kind == 'written' else applicant.job_id.cs_personality_survey_id
        test = env['cs.recruit.test'].create({'applicant_id': applicant.id, 'kind': kind, 'survey_id': survey.id})
        answers = test._ensure_answers()
        for question in survey.page_ids.mapped('question_ids'):
            labels = question.labels_ids.sorted('quizz_mark', reverse=True)
            label = labels[0] if passed or rng.random() < 0.3 else labels[-1]
            env['survey.user_input_line'].create({
                'user_input_id': answers.id, 'question_id': question.id, 'survey_id': survey.id,
                'answer_type': 'suggestion', 'value_suggested': label.id})
        answers.state = 'done'
        return test
