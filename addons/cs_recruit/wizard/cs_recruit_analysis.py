import base64
import io

import xlsxwriter

from odoo import api, fields, models
from odoo.tools import html_escape
from odoo.tools.translate import _

from ..services import analytics


class CsRecruitAnalysis(models.TransientModel):
    """Recruitment analysis (R7) for a period and some job positions: funnel with conversion per stage, time to
    hire, figures per channel, structure of the hires with the S0 warning; exported as an XLSX file."""
    _name = 'cs.recruit.analysis'
    _description = 'Recruitment Analysis'

    date_from = fields.Date('Applied From')
    date_to = fields.Date('Applied To')
    job_ids = fields.Many2many('hr.job', string='Job Positions', help="Leave empty for every position.")
    summary_html = fields.Html('Summary', compute='_compute_summary_html', sanitize=False)
    structure_warning = fields.Text('Structure Warning', compute='_compute_summary_html')

    def _applicant_domain(self):
        # Refused (archived) applicants count too: the caller searches with active_test=False.
        domain = []
        if self.job_ids:
            domain.append(('job_id', 'in', self.job_ids.ids))
        if self.date_from:
            domain.append(('create_date', '>=', self.date_from))
        if self.date_to:
            domain.append(('create_date', '<=', self.date_to + ' 23:59:59'))
        return domain

    @api.multi
    def cs_figures(self):
        """Return the analysis as plain data: funnel, time to hire, channels, hire structure and warnings."""
        self.ensure_one()
        Applicant = self.env['hr.applicant'].with_context(active_test=False)
        domain = self._applicant_domain()
        stages = self.env['hr.recruitment.stage'].search([('cs_pipeline', '=', True)], order='sequence, id')
        groups = Applicant.read_group(domain + [('stage_id', 'in', stages.ids)], ['stage_id'], ['stage_id'],
                                      lazy=False)
        current = {group['stage_id'][0]: group['__count'] for group in groups}
        steps = analytics.funnel(stages.ids, current)
        names = {stage.id: stage.name for stage in stages}
        funnel = [{'stage': names[step.stage], 'reached': step.reached, 'conversion': step.conversion,
                   'overall': step.overall} for step in steps]

        hires = Applicant.search_read(domain + [('cs_date_hired', '!=', False)],
                                      ['create_date', 'cs_date_hired', 'cs_birth_date', 'cs_gender', 'cs_education'])
        days = []
        structure_input = []
        for hire in hires:
            hired = fields.Datetime.from_string(hire['cs_date_hired'])
            days.append((hired - fields.Datetime.from_string(hire['create_date'])).total_seconds() / 86400.0)
            birth = fields.Date.from_string(hire['cs_birth_date']) if hire['cs_birth_date'] else None
            structure_input.append({
                'age': (hired.year - birth.year - ((hired.month, hired.day) < (birth.month, birth.day)))
                if birth else None,
                'gender': hire['cs_gender'], 'education': hire['cs_education']})
        mean_days, median_days = analytics.time_to_hire(days)
        structure = analytics.hire_structure(
            structure_input, women_band_share=self.env.user.company_id.cs_recruit_women_band_share)

        channels = self.env['cs.recruit.channel'].with_context(active_test=False).search([])
        channel_figures = channels.cs_channel_figures(self.job_ids.ids or None, self.date_from, self.date_to)
        channel_rows = [dict(channel_figures[channel.id], channel=channel.name)
                        for channel in channels if channel.id in channel_figures]
        return {'funnel': funnel, 'time_to_hire': {'mean': mean_days, 'median': median_days, 'hires': len(days)},
                'channels': channel_rows, 'structure': structure}

    def _labels(self):
        applicant = self.env['hr.applicant']
        genders = dict(applicant._fields['cs_gender']._description_selection(self.env))
        educations = dict(applicant._fields['cs_education']._description_selection(self.env))
        genders['unknown'] = educations['unknown'] = _('Not stated')
        return genders, educations

    def _warning_texts(self, structure):
        return [_("%s women aged %s: %s %% of the %s hires, above the %s %% limit. Spread the ages of the women "
                  "hired, so that marriages and maternity leaves do not leave the centre short-handed.") % (
                    warning.women, warning.band, warning.share, warning.total, warning.limit)
                for warning in structure['warnings']]

    @api.depends('date_from', 'date_to', 'job_ids')
    def _compute_summary_html(self):
        for wizard in self:
            figures = wizard.cs_figures()
            genders, educations = wizard._labels()
            percent = lambda value: '-' if value is None else '%s %%' % value
            html = ['<h3>%s</h3><table class="table table-condensed"><tr><th>%s</th><th>%s</th><th>%s</th>'
                    '<th>%s</th></tr>' % (_('Funnel'), _('Stage'), _('Reached'), _('Conversion'), _('Overall'))]
            for row in figures['funnel']:
                html.append('<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>' % (
                    html_escape(row['stage']), row['reached'], percent(row['conversion']), percent(row['overall'])))
            html.append('</table>')
            tth = figures['time_to_hire']
            html.append('<p>%s</p>' % (_('Time to hire: %s days on average, median %s days, %s hires.') % (
                tth['mean'] if tth['mean'] is not None else '-', tth['median'] if tth['median'] is not None else '-',
                tth['hires'])))
            html.append('<h3>%s</h3><table class="table table-condensed"><tr><th>%s</th><th>%s</th><th>%s</th>'
                        '<th>%s</th><th>%s</th><th>%s</th></tr>' % (
                            _('Channels'), _('Channel'), _('Applicants'), _('Invited'), _('Turn-up'), _('Hired'),
                            _('Retention')))
            for row in figures['channels']:
                html.append('<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>' % (
                    html_escape(row['channel']), row['applicants'], row['invited'], percent(row['turn_up_ratio']),
                    row['hired'], percent(row['retention_ratio'])))
            html.append('</table>')
            structure = figures['structure']
            html.append('<h3>%s</h3><p>%s: %s</p><p>%s: %s</p><p>%s: %s</p>' % (
                _('Structure of the hires'),
                _('Age bands'), ', '.join('%s: %s' % item for item in structure['age_bands'].items()),
                _('Gender'), ', '.join('%s: %s' % (genders.get(k, k), v) for k, v in structure['gender'].items()),
                _('Education'), ', '.join('%s: %s' % (educations.get(k, k), v)
                                          for k, v in structure['education'].items())))
            warnings = wizard._warning_texts(structure)
            wizard.structure_warning = '\n'.join(warnings) or False
            wizard.summary_html = ''.join(html)

    @api.multi
    def action_export_xlsx(self):
        """Write the analysis into an XLSX workbook attached to the wizard and download it."""
        self.ensure_one()
        attachment = self._cs_export_xlsx()
        return {'type': 'ir.actions.act_url', 'url': '/web/content/%s?download=true' % attachment.id,
                'target': 'self'}

    def _cs_export_xlsx(self):
        figures = self.cs_figures()
        genders, educations = self._labels()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {'in_memory': True})
        bold = workbook.add_format({'bold': True})

        def sheet(name, header, rows):
            worksheet = workbook.add_worksheet(name)
            worksheet.write_row(0, 0, header, bold)
            for index, row in enumerate(rows, start=1):
                worksheet.write_row(index, 0, ['' if value is None else value for value in row])
            worksheet.set_column(0, len(header) - 1, 16)
            return worksheet

        sheet(_('Funnel'), [_('Stage'), _('Reached'), _('Conversion (%)'), _('Overall (%)')],
              [(row['stage'], row['reached'], row['conversion'], row['overall']) for row in figures['funnel']])
        tth = figures['time_to_hire']
        sheet(_('Time to Hire'), [_('Hires'), _('Mean (days)'), _('Median (days)')],
              [(tth['hires'], tth['mean'], tth['median'])])
        sheet(_('Channels'), [_('Channel'), _('Applicants'), _('Invited'), _('Came'), _('Turn-up (%)'), _('Hired'),
                              _('Hired Before the Retention Period'), _('Still Employed'), _('Retention (%)')],
              [(row['channel'], row['applicants'], row['invited'], row['turned_up'], row['turn_up_ratio'],
                row['hired'], row['retention_base'], row['retained'], row['retention_ratio'])
               for row in figures['channels']])
        structure = figures['structure']
        rows = [(_('Age band'), band, count) for band, count in structure['age_bands'].items()]
        rows += [(_('Gender'), genders.get(key, key), count) for key, count in structure['gender'].items()]
        rows += [(_('Education'), educations.get(key, key), count) for key, count in structure['education'].items()]
        rows += [(_('Warning'), text, '') for text in self._warning_texts(structure)]
        sheet(_('Hires'), [_('Dimension'), _('Value'), _('Hires')], rows)
        workbook.close()
        return self.env['ir.attachment'].create({
            'name': 'recruitment-analysis.xlsx', 'datas_fname': 'recruitment-analysis.xlsx',
            'datas': base64.b64encode(output.getvalue()), 'res_model': self._name, 'res_id': self.id,
            'mimetype': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'})
