import base64
import io
from datetime import datetime, timedelta

import openpyxl


from .common import RecruitCase


class TestRecruitAnalytics(RecruitCase):
    """Channel turn-up and retention (R1), funnel, time to hire, hire structure and the XLSX export (R7).

    The figures are checked on a separate job position, so the demo applicants do not change them.
    """

    def hire(self, applicant, days_ago, days_to_hire=20):
        self.bring_to_offer(applicant)
        applicant.action_cs_accept_offer()
        hired = datetime.utcnow() - timedelta(days=days_ago)
        self.env.cr.execute("UPDATE hr_applicant SET create_date = %s, cs_date_hired = %s WHERE id = %s",
                            (hired - timedelta(days=days_to_hire), hired, applicant.id))
        applicant.invalidate_cache()
        return applicant

    def test_channel_turn_up_ratio_and_three_month_retention(self):
        channel = self.env['cs.recruit.channel'].create({'name': '测试招聘会', 'kind': 'job_fair'})
        came = [self.make_applicant('来%d' % index, channel=channel) for index in range(3)]
        for applicant in came:
            self.interview(applicant, held=True)
        no_show = self.make_applicant('缺席', channel=channel)
        self.interview(no_show, held=False).action_no_show()
        cancelled = self.make_applicant('取消', channel=channel)
        self.interview(cancelled, held=False).action_cancel()
        self.make_applicant('未邀请', channel=channel)
        # Invited 4 (3 came + 1 no-show; the cancelled interview does not count), came 3: 75.0 %.
        self.assertEqual(channel.applicant_count, 6)
        self.assertEqual((channel.invited_count, channel.turned_up_count, channel.turn_up_ratio), (4, 3, 75.0))

        # Hires: two 120 days ago (one has left since), one 10 days ago (too recent to count).
        stayed = self.hire(self.make_applicant('留任', channel=channel), 120)
        left = self.hire(self.make_applicant('离职', channel=channel), 120)
        self.hire(self.make_applicant('新人', channel=channel), 10)
        left.emp_id.active = False
        channel.invalidate_cache()
        self.assertEqual(channel.hired_count, 3)
        # Retention = still employed 1 / hired at least 3 months ago 2 = 50.0 %
        self.assertEqual((channel.retention_base_count, channel.retained_count, channel.retention_ratio),
                         (2, 1, 50.0))
        self.assertTrue(stayed.emp_id.active)

    def test_the_funnel_report_counts_every_stage_reached(self):
        job = self.job
        screening_only = self.make_applicant('甲')
        at_audition = self.make_applicant('乙')
        at_audition.action_cs_screen()
        at_audition.stage_id = self.stage['audition']
        Funnel = self.env['cs.recruit.funnel.report'].sudo(self.recruiter)
        groups = Funnel.read_group([('job_id', '=', job.id)], ['stage_id', 'nbr'], ['stage_id'])
        reached = {group['stage_id'][0]: group['nbr'] for group in groups}
        # Both reached 简历筛选, only 乙 reached 初选 and 听试.
        self.assertEqual(reached, {self.stage['screening'].id: 2, self.stage['initial_selection'].id: 1,
                                   self.stage['audition'].id: 1})
        self.assertTrue(screening_only)

    def test_hire_report_and_analysis_with_the_structure_warning_and_xlsx(self):
        job = self.env['hr.job'].create({
            'name': '测试话务员', 'cs_written_survey_id': self.job.cs_written_survey_id.id,
            'cs_personality_survey_id': self.job.cs_personality_survey_id.id})
        self.job = job  # the helpers use self.job
        # 3 hires, 2 of them women aged 22: 66.7 % > 40 % -> warning for 20-24. Days to hire 10 and 30.
        self.hire(self.make_applicant('女一', cs_birth_date=self.years_ago(22, 30)), 5, days_to_hire=10)
        self.hire(self.make_applicant('女二', cs_birth_date=self.years_ago(22, 30)), 5, days_to_hire=30)
        self.hire(self.make_applicant('男一', cs_gender='male', cs_birth_date=self.years_ago(33, 30),
                                      cs_education='junior_college'), 5, days_to_hire=20)
        self.make_applicant('候选人')  # still in screening
        self.make_applicant('淘汰').archive_applicant()  # refused in screening: still counted in the funnel
        Hires = self.env['cs.recruit.hire.report'].sudo(self.recruiter)
        groups = Hires.read_group([('job_id', '=', job.id)], ['age_band', 'nbr', 'days_to_hire'], ['age_band'])
        self.assertEqual({group['age_band']: group['nbr'] for group in groups}, {'20-24': 2, '30-34': 1})
        # mean of 10, 30 and 20 days
        self.assertAlmostEqual(Hires.read_group([('job_id', '=', job.id)], ['days_to_hire'], [])[0]['days_to_hire'],
                               20.0, places=1)

        analysis = self.env['cs.recruit.analysis'].sudo(self.recruiter).create({'job_ids': [(6, 0, job.ids)]})
        figures = analysis.cs_figures()
        funnel = {row['stage']: row['reached'] for row in figures['funnel']}
        self.assertEqual(funnel['简历筛选'], 5)
        self.assertEqual(funnel['录用'], 3)
        self.assertEqual([row['conversion'] for row in figures['funnel']][-1], 100.0)  # offer 3 -> hired 3
        self.assertEqual(figures['time_to_hire'], {'mean': 20.0, 'median': 20.0, 'hires': 3})
        self.assertEqual(figures['structure']['gender'], {'female': 2, 'male': 1})
        self.assertTrue(analysis.structure_warning)
        self.assertIn('20-24', analysis.structure_warning)
        self.assertIn('66.7', analysis.structure_warning)
        action = analysis.action_export_xlsx()
        attachment = self.env['ir.attachment'].sudo().search(
            [('res_model', '=', 'cs.recruit.analysis'), ('res_id', '=', analysis.id)])
        self.assertIn('/web/content/%s' % attachment.id, action['url'])
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        self.assertEqual(len(workbook.sheetnames), 4)
        funnel_sheet = workbook[workbook.sheetnames[0]]
        rows = list(funnel_sheet.iter_rows(values_only=True))
        self.assertEqual(rows[1][:2], ('简历筛选', 5))
        self.assertEqual(rows[-1][:2], ('录用', 3))
        hires_rows = list(workbook[workbook.sheetnames[3]].iter_rows(values_only=True))
        self.assertTrue(any('20-24' in str(row[1]) and row[2] == 2 for row in hires_rows))
        self.assertTrue(any("66.7" in str(row[1]) for row in hires_rows), hires_rows)

        # Raising the configured share to 70 % removes the warning.
        self.company.cs_recruit_women_band_share = 70
        self.assertFalse(self.env['cs.recruit.analysis'].sudo(self.recruiter).create(
            {'job_ids': [(6, 0, job.ids)]}).structure_warning)
