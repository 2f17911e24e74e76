from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from .common import HelpdeskCase

# The digest runs at a fixed moment so that "the last 24 hours" can be checked by hand.
DIGEST_NOW = datetime(2030, 3, 15, 0, 30)


def _at(moment):
    return fields.Datetime.to_string(moment)


class TestKnowledgeBase(HelpdeskCase):
    """H10: trainers publish articles, agents find them from a work order and apply them, supervisors get
    the daily list of added and removed articles."""

    @classmethod
    def setUpClass(cls):
        super(TestKnowledgeBase, cls).setUpClass()
        cls.trainer = cls._make_user('t_trainer', '陈静', 'group_cs_trainer')
        cls.category_faults = cls.env.ref('cs_helpdesk.kb_category_troubleshooting')
        cls.category_prices = cls.env.ref('cs_helpdesk.kb_category_prices')
        Article = cls.env['cs.kb.article'].sudo(cls.trainer)
        cls.article_broadband = Article.create({
            'name': 'T 宽带无法上网排查',
            'category_id': cls.category_faults.id,
            'keywords': '宽带, 光猫，报修',
            'content': '<p>查看光猫 <b>PON</b> 灯:闪烁说明光路故障,派发报修工单。</p>',
        })
        cls.article_stb = Article.create({
            'name': 'T 机顶盒无信号处理',
            'category_id': cls.category_faults.id,
            'keywords': '机顶盒,无信号',
            'content': '<p>检查射频线是否松动,重启机顶盒。</p>',
        })
        cls.article_prices = Article.create({
            'name': 'T Broadband packages',
            'category_id': cls.category_prices.id,
            'keywords': '资费,套餐',
            'content': '<p>宽带 300M 每月 60 元。</p>',
        })
        (cls.article_broadband | cls.article_stb | cls.article_prices).action_publish()
        cls.article_draft = Article.create({
            'name': 'T 宽带提速活动(草稿)',
            'category_id': cls.category_prices.id,
            'keywords': '宽带,提速',
            'content': '<p>草稿:光猫升级活动。</p>',
        })

    def search_articles(self, user, text):
        """What ``user`` finds typing ``text`` in the knowledge base's search box."""
        return self.env['cs.kb.article'].sudo(user).search([('search_text', 'ilike', text)])

    def own_articles(self):
        """The articles of this test; the database may hold demo articles too."""
        return self.article_broadband | self.article_stb | self.article_prices | self.article_draft

    def test_every_term_must_match_the_title_keywords_or_answer(self):
        # 宽带: the title of the first, a keyword of the draft, the answer of the prices article.
        self.assertEqual(self.search_articles(self.trainer, '宽带') & self.own_articles(),
                         self.article_broadband | self.article_prices | self.article_draft)
        # 宽带 光猫: both terms are in the first (title, keywords) and the draft (keywords, answer) only.
        self.assertEqual(self.search_articles(self.trainer, '宽带  光猫') & self.own_articles(),
                         self.article_broadband | self.article_draft)
        # PON is in the text of the answer, inside a <b>.
        self.assertEqual(self.search_articles(self.trainer, 'pon 宽带') & self.own_articles(),
                         self.article_broadband)
        self.assertFalse(self.search_articles(self.trainer, '射频线 宽带') & self.own_articles(),
                         "no article holds both terms")
        self.assertEqual(self.search_articles(self.trainer, 'broadband') & self.own_articles(),
                         self.article_prices, "a Latin term matches regardless of case")

    def test_keywords_are_stored_with_one_separator(self):
        self.assertEqual(self.article_broadband.keywords, '宽带,光猫,报修')

    def test_agents_see_published_articles_only(self):
        for user in (self.agent_a, self.leader_a, self.supervisor):
            found = self.search_articles(user, '宽带')
            self.assertIn(self.article_broadband, found)
            self.assertNotIn(self.article_draft, found, "%s must not see a draft" % user.login)
            with self.assertRaises(AccessError):
                self.article_draft.sudo(user).read(['name'])
        self.assertIn(self.article_draft, self.search_articles(self.director, '宽带'), "directors see drafts")

    def test_an_agent_can_neither_write_nor_publish(self):
        Article = self.env['cs.kb.article'].sudo(self.agent_a)
        with self.assertRaises(AccessError):
            Article.create({'name': 'T agent article', 'category_id': self.category_faults.id})
        with self.assertRaises(AccessError):
            self.article_broadband.sudo(self.agent_a).write({'name': 'T renamed'})
        with self.assertRaises(AccessError):
            self.article_draft.sudo(self.agent_a).action_publish()
        with self.assertRaises(AccessError):
            self.article_broadband.sudo(self.supervisor).action_archive()
        with self.assertRaises(AccessError):
            self.env['cs.kb.category'].sudo(self.agent_a).create({'name': 'T category'})

    def test_a_trainer_publishes_and_withdraws(self):
        draft = self.article_draft.sudo(self.trainer)
        draft.action_publish()
        self.assertEqual(draft.state, 'published')
        self.assertEqual(draft.publisher_id, self.trainer)
        self.assertTrue(draft.published_date)
        self.assertIn(self.article_draft, self.search_articles(self.agent_a, '提速'), "agents see it now")
        with self.assertRaises(UserError):
            draft.action_publish()
        draft.action_archive()
        self.assertEqual(draft.state, 'archived')
        self.assertTrue(draft.archived_date)
        self.assertNotIn(self.article_draft, self.search_articles(self.agent_a, '提速'), "withdrawn from agents")
        empty = self.env['cs.kb.article'].sudo(self.trainer).create(
            {'name': 'T empty', 'category_id': self.category_faults.id})
        with self.assertRaises(UserError):
            empty.action_publish()

    def test_the_ticket_opens_the_published_articles_on_its_subject(self):
        ticket = self.create_ticket(self.agent_a, name='宽带无法上网')
        action = ticket.action_search_knowledge_base()
        self.assertEqual(action['res_model'], 'cs.kb.article')
        self.assertEqual(action['context']['search_default_related_text'], '宽带无法上网')
        self.assertEqual(action['context']['cs_kb_ticket_id'], ticket.id)
        self.assertEqual(safe_eval(action['domain']), [('state', '=', 'published')])

    def test_the_subject_finds_articles_by_their_keywords_most_used_first(self):
        # 宽带无法上网 holds no space: it contains the keyword 宽带 of the broadband article (and the draft's,
        # which is not published); the set-top-box article has no keyword in it.
        self.article_stb.use_count = 0
        Article = self.env['cs.kb.article'].sudo(self.agent_a)
        found = Article.search([('state', '=', 'published'), ('related_text', 'ilike', '宽带无法上网')])
        self.assertIn(self.article_broadband, found)
        self.assertNotIn(self.article_stb, found)
        self.assertNotIn(self.article_prices, found, "its keywords (资费, 套餐) are not in the subject")
        # Ranked by use: an article applied more often comes first.
        busy = self.env['cs.kb.article'].sudo(self.trainer).create({
            'name': 'T 光猫指示灯说明', 'category_id': self.category_faults.id, 'keywords': '上网,光猫',
            'content': '<p>光猫指示灯。</p>'})
        busy.action_publish()
        busy.sudo().write({'use_count': 1000})
        found = Article.search([('state', '=', 'published'), ('related_text', 'ilike', '宽带无法上网')])
        self.assertEqual(found[0], busy)

    def test_a_subject_without_keywords_opens_the_articles_of_its_type(self):
        self.article_stb.sudo().type_ids = self.type_repair
        ticket = self.create_ticket(self.agent_a, name='来电无具体诉求', type_id=self.type_repair.id)
        action = ticket.action_search_knowledge_base()
        self.assertNotIn('search_default_related_text', action['context'])
        self.assertEqual(action['context']['search_default_type_ids'], self.type_repair.id)

    def test_an_agent_applies_an_article_once(self):
        ticket = self.create_ticket(self.agent_a, name='宽带无法上网')
        article = self.article_broadband.sudo(self.agent_a).with_context(cs_kb_ticket_id=ticket.id)
        uses = self.article_broadband.use_count

        action = article.action_apply_to_ticket()
        self.assertEqual((action['res_model'], action['res_id']), ('cs.ticket', ticket.id), "back to the order")
        self.assertEqual(ticket.kb_article_ids, self.article_broadband)
        self.assertEqual(ticket.kb_article_count, 1)
        self.article_broadband.invalidate_cache()
        self.assertEqual(self.article_broadband.use_count, uses + 1)
        notes = ticket.message_ids.filtered(lambda message: 'T 宽带无法上网排查' in (message.body or ''))
        self.assertEqual(len(notes), 1)
        self.assertEqual(notes.subtype_id, self.env.ref('mail.mt_note'), "an internal note, not mail to the customer")
        self.assertIn('PON', notes.body, "the answer is in the note")

        # The same article on the same order again: nothing changes.
        article.action_apply_to_ticket()
        self.article_broadband.invalidate_cache()
        self.assertEqual(self.article_broadband.use_count, uses + 1)
        self.assertEqual(len(ticket.message_ids.filtered(lambda message: 'T 宽带无法上网排查' in (message.body or ''))), 1)

        # Another order counts another use.
        other = self.create_ticket(self.agent_a, name='光猫红灯')
        self.article_broadband.sudo(self.agent_a).with_context(cs_kb_ticket_id=other.id).action_apply_to_ticket()
        self.article_broadband.invalidate_cache()
        self.assertEqual(self.article_broadband.use_count, uses + 2)

    def test_applying_needs_a_ticket_the_agent_may_change_and_a_published_article(self):
        with self.assertRaises(UserError):
            self.article_broadband.sudo(self.agent_a).action_apply_to_ticket()
        ticket_b = self.create_ticket(self.agent_b, name='宽带无法上网')
        with self.assertRaises(AccessError):
            self.article_broadband.sudo(self.agent_a).with_context(cs_kb_ticket_id=ticket_b.id) \
                .action_apply_to_ticket()
        ticket = self.create_ticket(self.trainer)
        with self.assertRaises(UserError):
            self.article_draft.sudo(self.trainer).with_context(cs_kb_ticket_id=ticket.id).action_apply_to_ticket()
        self.assertFalse(ticket.kb_article_ids)

    def test_supervisors_and_directors_receive_the_daily_changes(self):
        # Published and withdrawn within the 24 hours before DIGEST_NOW (2030-03-14 00:30 → 2030-03-15 00:30).
        self.article_stb.sudo().write({'published_date': _at(DIGEST_NOW - timedelta(hours=3))})
        self.article_prices.sudo().write({'state': 'archived', 'archived_date': _at(DIGEST_NOW - timedelta(hours=20))})
        # 25 hours ago: the previous digest listed it.
        self.article_broadband.sudo().write({'published_date': _at(DIGEST_NOW - timedelta(hours=25))})

        # The cron runs in the administrator's language, Chinese in a real centre.
        message = self.env['cs.kb.article'].with_context(lang='zh_CN')._cron_send_daily_digest(now=DIGEST_NOW)

        self.assertEqual(len(message), 1, "one message")
        self.assertTrue(message.subject, "the subject survives the notification e-mail template")
        self.assertIn(self.supervisor.partner_id, message.partner_ids)
        self.assertIn(self.director.partner_id, message.partner_ids, "directors are supervisors too")
        self.assertNotIn(self.agent_a.partner_id, message.partner_ids)
        self.assertNotIn(self.trainer.partner_id, message.partner_ids)
        self.assertIn('T 机顶盒无信号处理', message.body)
        self.assertIn('T Broadband packages', message.body)
        self.assertNotIn('T 宽带无法上网排查', message.body)
        self.assertNotIn('T 宽带提速活动', message.body, "drafts are not news")
        # Each supervisor really gets it: a mail or an inbox notification, and may read it.
        self.assertTrue(self.env['mail.mail'].sudo().search([('mail_message_id', '=', message.id),
                                                             ('recipient_ids', 'in', self.supervisor.partner_id.ids)])
                        or self.supervisor.partner_id in message.needaction_partner_ids)
        self.assertEqual(message.sudo(self.supervisor).read(['subject'])[0]['subject'], message.subject)

    def test_archiving_a_published_article_withdraws_it(self):
        self.article_stb.sudo(self.trainer).toggle_active()
        self.assertEqual(self.article_stb.state, 'archived')
        self.assertTrue(self.article_stb.archived_date)
        self.assertNotIn(self.article_stb, self.search_articles(self.agent_a, '机顶盒'))
        message = self.env['cs.kb.article']._cron_send_daily_digest(now=datetime.utcnow() + timedelta(minutes=1))
        self.assertIn('T 机顶盒无信号处理', message.body, "listed among the removed articles")

    def test_nothing_is_sent_on_a_day_without_changes(self):
        # Every article of the database was published long before this date.
        later = datetime(2031, 1, 1, 0, 30)
        self.assertFalse(self.env['cs.kb.article']._cron_send_daily_digest(now=later))
