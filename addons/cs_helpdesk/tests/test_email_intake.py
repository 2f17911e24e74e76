from email.header import Header
from email.mime.text import MIMEText
from email.utils import formataddr

from .common import HelpdeskCase

TEAM_A_ALIAS = 'cs-test-team-a@cs-test.example.com'


def build_mail(sender, sender_name, to, subject, body, message_id, in_reply_to=None):
    """A mail as a customer's client sends it: UTF-8 body, encoded Chinese headers."""
    message = MIMEText(body, 'plain', 'utf-8')
    message['From'] = formataddr((str(Header(sender_name, 'utf-8')), sender))
    message['To'] = to
    message['Subject'] = Header(subject, 'utf-8')
    message['Message-ID'] = '<%s@example.com>' % message_id
    message['Date'] = 'Wed, 25 Nov 2026 09:15:00 +0800'
    if in_reply_to:
        message['In-Reply-To'] = '<%s@example.com>' % in_reply_to
    return message.as_string()


class TestEmailIntake(HelpdeskCase):
    """Mail to a team alias becomes an unassigned work order of that team."""

    def setUp(self):
        super(TestEmailIntake, self).setUp()
        self.env['ir.config_parameter'].sudo().set_param('mail.catchall.domain', 'cs-test.example.com')

    def receive(self, sender, subject, body, message_id, from_name='客户'):
        raw = build_mail(sender, from_name, TEAM_A_ALIAS, subject, body, message_id)
        return self.env['mail.thread'].message_process(None, raw)

    def test_a_mail_from_a_known_customer_opens_an_order_of_the_team(self):
        ticket_id = self.receive('ma.jianguo@example.com', '宽带无法上网', '家里宽带从昨天开始无法上网。', 'intake-1')
        ticket = self.env['cs.ticket'].browse(ticket_id)
        self.assertEqual(ticket.team_id, self.team_a)
        self.assertEqual(ticket.name, '宽带无法上网')
        self.assertEqual(ticket.channel, 'email')
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertIn('无法上网', ticket.description)
        self.assertFalse(ticket.user_id, "it waits for an agent of the team")
        self.assertFalse(ticket.owner_id, "the owner is whoever first takes it")
        self.assertIn(ticket, self.env['cs.ticket'].sudo(self.agent_a2).search([('id', '=', ticket.id)]))
        self.assertNotIn(ticket, self.env['cs.ticket'].sudo(self.agent_b).search([('id', '=', ticket.id)]))

    def test_a_mail_from_a_stranger_keeps_their_address(self):
        ticket = self.env['cs.ticket'].browse(
            self.receive('stranger@example.org', '咨询套餐', '想了解一下资费。', 'intake-2', from_name='陌生人'))
        self.assertFalse(ticket.partner_id)
        self.assertIn('stranger@example.org', ticket.email)

    def test_a_reply_lands_on_the_same_order(self):
        ticket = self.env['cs.ticket'].browse(
            self.receive('ma.jianguo@example.com', '电视没有信号', '机顶盒显示无信号。', 'intake-3'))
        reply = build_mail('ma.jianguo@example.com', '马建国', TEAM_A_ALIAS, 'Re: 电视没有信号', '今天还是不行。',
                           'intake-3-reply', in_reply_to='intake-3')
        self.assertEqual(self.env['mail.thread'].message_process(None, reply), ticket.id)
        self.assertEqual(self.env['cs.ticket'].search_count([('name', 'in', ('电视没有信号', 'Re: 电视没有信号'))]), 1)
        self.assertTrue(ticket.message_ids.filtered(lambda message: '今天还是不行' in (message.body or '')))


class TestMailTemplateTranslations(HelpdeskCase):
    """Odoo's own zh_CN terms of the notification template must not break its rendering."""

    def test_a_template_translation_that_does_not_compile_is_dropped(self):
        template = self.env.ref('mail.mail_template_data_notification_email_default')
        self.env['res.lang'].load_lang('zh_CN')
        self.env['ir.translation'].create({
            'name': 'mail.template,subject', 'type': 'model', 'lang': 'zh_CN', 'res_id': template.id,
            'src': template.subject, 'value': '${object.subject 或 object.record_name}', 'state': 'translated'})
        self.assertEqual(self.env['ir.translation']._cs_drop_broken_template_translations(), 1)
        self.assertFalse(self.env['ir.translation'].search([
            ('name', '=', 'mail.template,subject'), ('res_id', '=', template.id), ('lang', '=', 'zh_CN'),
            ('value', 'like', '或')]))
