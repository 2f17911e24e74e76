from odoo.exceptions import UserError, ValidationError

from .common import RecruitCase


class TestAuditionInterviewTests(RecruitCase):
    """Voice audition (R4), interviews in the calendar (R5), written and personality tests through survey (R5)."""

    def test_an_audition_is_scored_on_the_weighted_criteria(self):
        applicant = self.make_applicant()
        audition = self.env['cs.audition'].sudo(self.recruiter).create({
            'applicant_id': applicant.id, 'recording': 'UklGRg==', 'recording_filename': 'audition.wav',
            'answer_self': '在商场做导购。'})
        # The five default criteria with weights 30/20/15/20/15 are filled in.
        self.assertEqual(audition.line_ids.mapped('weight'), [30, 20, 15, 20, 15])
        for line, score in zip(audition.line_ids, [4, 3, 5, 4, 2]):
            line.score = score
        # (30×4 + 20×3 + 15×5 + 20×4 + 15×2) / 5 / 100 × 100 = (120 + 60 + 75 + 80 + 30) / 5 = 73.0
        self.assertEqual(audition.score, 73.0)
        self.assertFalse(audition.passed)  # not scored yet
        self.assertFalse(applicant.cs_audition_passed)
        audition.action_done()
        self.assertTrue(audition.passed)
        self.assertTrue(applicant.cs_audition_passed)
        self.assertTrue(self.env['ir.attachment'].sudo().search_count(
            [('res_model', '=', 'cs.audition'), ('res_id', '=', audition.id), ('res_field', '=', 'recording')]))

    def test_an_audition_below_the_pass_mark_fails(self):
        applicant = self.make_applicant()
        # All criteria 2 of 5: 40.0 < 60.
        audition = self.pass_audition(applicant, score=2)
        self.assertEqual(audition.score, 40.0)
        self.assertFalse(audition.passed)
        self.assertFalse(applicant.cs_audition_passed)

    def test_a_score_above_the_maximum_is_refused(self):
        audition = self.env['cs.audition'].sudo(self.recruiter).create({'applicant_id': self.make_applicant().id})
        with self.assertRaises(ValidationError):
            audition.line_ids[0].score = 6

    def test_an_interview_is_a_meeting_in_the_interviewers_calendar(self):
        applicant = self.make_applicant()
        second_interviewer = self._make_user('t_rc_interviewer', '孙丽', ['base.group_user'])
        interview = self.env['cs.interview'].sudo(self.recruiter).create({
            'applicant_id': applicant.id, 'date_start': '2026-12-01 02:00:00', 'duration': 1.5,
            'interviewer_ids': [(6, 0, (self.recruiter | second_interviewer).ids)], 'location': '三楼会议室'})
        event = interview.event_id
        self.assertTrue(event)
        self.assertEqual(event.applicant_id, applicant)
        self.assertEqual(event.start, '2026-12-01 02:00:00')
        self.assertEqual(event.stop, '2026-12-01 03:30:00')
        self.assertEqual(event.partner_ids, (self.recruiter | second_interviewer).mapped('partner_id'))
        self.assertIn(self.env.ref('hr_recruitment.categ_meet_interview'), event.categ_ids)
        interview.date_start = '2026-12-02 06:00:00'
        self.assertEqual(event.start, '2026-12-02 06:00:00')
        interview.action_cancel()
        self.assertFalse(event.active)

    def test_six_competencies_decide_the_interview(self):
        applicant = self.make_applicant()
        interview = self.interview(applicant, held=False)
        with self.assertRaises(UserError):
            interview.action_done()  # nothing scored
        # (4 + 3 + 3 + 3 + 2 + 3) / 6 = 3.0: at the pass mark, passed.
        interview.write({'score_communication': 4, 'score_service': 3, 'score_emotion': 3, 'score_learning': 3,
                         'score_teamwork': 2, 'score_problem_solving': 3})
        interview.action_done()
        self.assertEqual(interview.score, 3.0)
        self.assertTrue(interview.passed)
        self.assertTrue(applicant.cs_first_interview_passed)
        self.assertFalse(applicant.cs_second_interview_passed)
        with self.assertRaises(ValidationError):
            interview.score_teamwork = 7

    def test_a_no_show_does_not_pass(self):
        applicant = self.make_applicant()
        interview = self.interview(applicant, held=False)
        interview.action_no_show()
        self.assertEqual(interview.state, 'no_show')
        self.assertFalse(applicant.cs_first_interview_passed)

    def test_a_written_test_is_sent_and_scored_through_the_survey(self):
        applicant = self.make_applicant()
        test = self.env['cs.recruit.test'].sudo(self.recruiter).create({
            'applicant_id': applicant.id, 'kind': 'written', 'survey_id': self.job.cs_written_survey_id.id})
        self.assertEqual(test.pass_mark, 60)  # the survey's pass mark
        test.action_send()
        self.assertEqual(test.state, 'sent')
        self.assertTrue(applicant.partner_id, "the candidate got a contact to receive the link")
        self.assertIn(test.user_input_id.token, applicant.message_ids[0].body)
        # The candidate answers: 3 right answers (20 each) and 2 wrong (0): 60, exactly the pass mark.
        survey = test.survey_id
        for index, question in enumerate(survey.page_ids.mapped('question_ids')):
            labels = question.labels_ids.sorted('quizz_mark', reverse=True)
            self.env['survey.user_input_line'].create({
                'user_input_id': test.user_input_id.id, 'question_id': question.id, 'survey_id': survey.id,
                'answer_type': 'suggestion', 'value_suggested': (labels[0] if index < 3 else labels[-1]).id})
        self.assertFalse(test.passed)  # not finished yet
        test.user_input_id.state = 'done'
        self.assertEqual(test.state, 'done')
        self.assertEqual(test.score, 60)
        self.assertTrue(test.passed)
        self.assertTrue(applicant.cs_written_test_passed)

    def test_a_personality_test_below_the_pass_mark_fails(self):
        applicant = self.make_applicant()
        test = self.take_test(applicant, 'personality', best_answers=False)
        self.assertEqual(test.score, 0)
        self.assertFalse(test.passed)
        self.assertFalse(applicant.cs_personality_test_passed)
        test = self.take_test(applicant, 'personality')
        # 5 questions × 4 = 20 >= 12
        self.assertEqual(test.score, 20)
        self.assertTrue(applicant.cs_personality_test_passed)

    def test_a_test_cannot_be_emailed_without_an_address(self):
        applicant = self.make_applicant(email_from=False)
        test = self.env['cs.recruit.test'].sudo(self.recruiter).create({
            'applicant_id': applicant.id, 'kind': 'written', 'survey_id': self.job.cs_written_survey_id.id})
        with self.assertRaises(UserError):
            test.action_send()
        action = test.action_start()
        self.assertIn(test.user_input_id.token, action['url'])
