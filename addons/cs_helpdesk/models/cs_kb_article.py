import logging
import re
from collections import Counter
from datetime import datetime, timedelta

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import html2plaintext, html_escape

_logger = logging.getLogger(__name__)

ARTICLE_STATES = [
    ('draft', 'Draft'),
    ('published', 'Published'),
    ('archived', 'Withdrawn'),
]

# Commas as typed on a Chinese keyboard (，、；) count as separators too.
KEYWORD_SEPARATORS = re.compile(r'[,，、;；]+')

# Columns searched by the full-text look-up, each backed by a trigram index when pg_trgm is available.
SEARCHED_COLUMNS = ('name', 'keywords', 'content_text')

DIGEST_HOURS = 24


class CsKbArticle(models.Model):
    """An article of the knowledge base (知识库): a frequent question and the answer agents give callers.

    Trainers write and publish articles; agents find them from the work order they are handling, apply
    the one that answers the caller (which counts its use), and supervisors receive each day the list of
    articles published and withdrawn, to brief their agents (S4).
    """
    _name = 'cs.kb.article'
    _description = 'Knowledge Base Article'
    _inherit = ['mail.thread']
    _order = 'use_count desc, published_date desc, id desc'

    name = fields.Char('Title', required=True, track_visibility='onchange')
    category_id = fields.Many2one('cs.kb.category', 'Category', required=True, index=True, ondelete='restrict',
                                  track_visibility='onchange')
    keywords = fields.Char(
        help="Words callers and agents use for this question, separated by commas, e.g. 宽带,报修,光猫.")
    content = fields.Html(
        'Answer', help="What agents read or tell the caller: the answer, the steps, the script.")
    content_text = fields.Text(
        'Answer as Text', compute='_compute_content_text', store=True,
        help="The answer without its formatting, for searching.")
    type_ids = fields.Many2many(
        'cs.ticket.type', 'cs_kb_article_ticket_type_rel', 'article_id', 'type_id', string='Work Order Types',
        help="The kinds of work orders this article helps with; leave empty when it applies to all.")
    service_ids = fields.Many2many(
        'cs.service', 'cs_kb_article_service_rel', 'article_id', 'service_id', string='Services',
        help="The services this article is about; leave empty when it applies to all.")
    state = fields.Selection(ARTICLE_STATES, 'Status', required=True, default='draft', readonly=True, copy=False,
                             index=True, track_visibility='onchange')
    author_id = fields.Many2one('res.users', 'Author', default=lambda self: self.env.user, index=True,
                                track_visibility='onchange')
    publisher_id = fields.Many2one('res.users', 'Published by', readonly=True, copy=False)
    published_date = fields.Datetime('Published on', readonly=True, copy=False, index=True)
    archived_date = fields.Datetime('Withdrawn on', readonly=True, copy=False, index=True)
    use_count = fields.Integer(
        'Uses', readonly=True, copy=False, default=0,
        help="How many work orders this article was applied to.")
    active = fields.Boolean(default=True)
    search_text = fields.Char(
        'Title, Keywords or Answer', compute='_compute_search_text', search='_search_search_text',
        help="Searches the title, the keywords and the answer: every word typed must appear in one of them.")
    related_text = fields.Char(
        'About', compute='_compute_search_text', search='_search_related_text',
        help="Finds the articles about a text as typed by a caller (a work order's subject): those with a "
             "keyword found in it, or containing every word of it.")
    color = fields.Integer('Color Index')

    @api.multi
    @api.depends('content')
    def _compute_content_text(self):
        for article in self:
            article.content_text = html2plaintext(article.content) if article.content else False

    @api.multi
    def _compute_search_text(self):
        # Only a search field: there is nothing to show.
        for article in self:
            article.search_text = False

    @api.model
    def _search_search_text(self, operator, value):
        """Articles whose title, keywords or answer contain every whitespace-separated term of ``value``.

        ilike, not PostgreSQL's text search: its default parser does not split Chinese into words, so
        宽带 would never match 宽带无法上网.
        """
        if operator not in ('ilike', 'like', '=', '=ilike', '=like') or not isinstance(value, str):
            raise UserError(_("The knowledge base can only be searched for the words an article contains."))
        return self._search_terms_domain(value.split())

    @api.model
    def _search_related_text(self, operator, value):
        """Articles with a keyword that occurs in ``value``, or containing each of its words.

        Chinese is written without spaces: a subject like 宽带无法上网 is one "word" no article contains, but
        it contains the keyword 宽带.
        """
        if operator not in ('ilike', 'like', '=', '=ilike', '=like') or not isinstance(value, str):
            raise UserError(_("The knowledge base can only be searched for the words an article contains."))
        self.env.cr.execute("""
            SELECT id FROM cs_kb_article
             WHERE EXISTS (SELECT 1 FROM unnest(string_to_array(keywords, ',')) AS keyword
                            WHERE keyword <> '' AND strpos(lower(%s), lower(keyword)) > 0)
        """, (value,))
        keyword_hits = [('id', 'in', [row[0] for row in self.env.cr.fetchall()])]
        return expression.OR([keyword_hits, self._search_terms_domain(value.split())])

    @api.model
    def _search_terms_domain(self, terms):
        """The domain matching the articles that contain every term (title, keywords or answer)."""
        return expression.AND([
            expression.OR([[(column, 'ilike', term)] for column in SEARCHED_COLUMNS])
            for term in terms
        ]) if terms else []

    @api.model
    def create(self, vals):
        if vals.get('keywords'):
            vals = dict(vals, keywords=self._normalize_keywords(vals['keywords']))
        return super(CsKbArticle, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get('keywords'):
            vals = dict(vals, keywords=self._normalize_keywords(vals['keywords']))
        # Archiving a published article takes it away from agents just like withdrawing it: it is
        # withdrawn too, so that the supervisors' daily list shows it.
        if 'active' in vals and not vals['active'] and 'state' not in vals:
            withdrawn = self.filtered(lambda article: article.active and article.state == 'published')
            if withdrawn:
                super(CsKbArticle, withdrawn).write({'state': 'archived', 'archived_date': fields.Datetime.now()})
        return super(CsKbArticle, self).write(vals)

    @api.model_cr
    def init(self):
        # ilike '%term%' cannot use a b-tree index, so every search from a work order would read the whole
        # table. A trigram GIN index serves ilike with a leading wildcard. pg_trgm ships with PostgreSQL but
        # creating an extension may need privileges the database user lacks (before PostgreSQL 13, or where
        # the administrator forbids it): then the search still works, only without the index.
        if not self._create_trigram_extension():
            _logger.info("pg_trgm is not available: the knowledge base search runs without trigram indexes.")
            return
        for column in SEARCHED_COLUMNS:
            self.env.cr.execute(
                'CREATE INDEX IF NOT EXISTS cs_kb_article_%s_trgm_index ON cs_kb_article '
                'USING gin (%s gin_trgm_ops)' % (column, column))

    @api.model
    def _create_trigram_extension(self):
        """Create pg_trgm when allowed; True when it is installed afterwards."""
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        except psycopg2.Error as error:
            _logger.info("Cannot create the pg_trgm extension: %s", error)
        self.env.cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return bool(self.env.cr.fetchone())

    @api.multi
    def action_publish(self):
        """Publish the articles: agents can read and apply them from now on."""
        for article in self:
            if article.state == 'published':
                raise UserError(_("Article %s is already published.") % article.name)
            if not (article.content_text or '').strip():
                raise UserError(_("Write the answer of article %s before publishing it.") % article.name)
        self.write({
            'state': 'published',
            'published_date': fields.Datetime.now(),
            'publisher_id': self.env.uid,
            'archived_date': False,
        })
        return True

    @api.multi
    def action_archive(self):
        """Withdraw published articles: agents no longer see them; they are listed in the daily digest."""
        for article in self:
            if article.state != 'published':
                raise UserError(_("Only a published article can be withdrawn (article: %s).") % article.name)
        self.write({'state': 'archived', 'archived_date': fields.Datetime.now()})
        return True

    @api.multi
    def action_reset_to_draft(self):
        """Take a withdrawn article back to draft to rework it."""
        for article in self:
            if article.state != 'archived':
                raise UserError(_("Only a withdrawn article can go back to draft (article: %s).") % article.name)
        self.write({'state': 'draft'})
        return True

    @api.multi
    def action_apply_to_ticket(self):
        """Apply the article to the work order the knowledge base was opened from, and go back to it."""
        ticket_id = self.env.context.get('cs_kb_ticket_id')
        if not ticket_id:
            raise UserError(_("Open the knowledge base from a work order to apply an article to it."))
        ticket = self.env['cs.ticket'].browse(ticket_id)
        ticket.apply_kb_articles(self)
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'cs.ticket',
            'res_id': ticket.id,
            'view_mode': 'form',
            'views': [(False, 'form')],
            # 'main' clears the breadcrumbs opened on the way (ticket > knowledge base > article).
            'target': 'main',
        }

    @api.multi
    def _increment_use_count(self):
        """Count one more use of each article.

        In SQL: agents may not write articles, and an increment computed in the database cannot lose a
        use when two agents apply the same article at the same time.
        """
        if not self:
            return
        self.env.cr.execute('UPDATE cs_kb_article SET use_count = use_count + 1 WHERE id IN %s',
                            (tuple(self.ids),))
        self.invalidate_cache(['use_count'], self.ids)

    @api.model
    def _normalize_keywords(self, keywords):
        """'宽带， 报修、光猫' → '宽带,报修,光猫': one separator, no blanks, no duplicates."""
        seen = []
        for keyword in KEYWORD_SEPARATORS.split(keywords or ''):
            keyword = keyword.strip()
            if keyword and keyword not in seen:
                seen.append(keyword)
        return ','.join(seen)

    @api.model
    def _cron_send_daily_digest(self, now=None):
        """Send the supervisors the articles published and withdrawn in the last 24 hours (S4).

        One message to every supervisor (directors included, as the group implies it), delivered to each
        by their notification preference (Odoo inbox or email). Nothing is sent when nothing changed.
        ``now`` (datetime or string, UTC) replaces the current time in tests. Returns the message, if any.
        """
        if isinstance(now, str):
            now = fields.Datetime.from_string(now)
        now = now or datetime.utcnow()
        date_from = fields.Datetime.to_string(now - timedelta(hours=DIGEST_HOURS))
        date_to = fields.Datetime.to_string(now)
        Article = self.sudo()
        published = Article.search([('state', '=', 'published'),
                                    ('published_date', '>', date_from), ('published_date', '<=', date_to)],
                                   order='published_date, id')
        archived = Article.with_context(active_test=False).search([('state', '=', 'archived'),
                                   ('archived_date', '>', date_from), ('archived_date', '<=', date_to)],
                                  order='archived_date, id')
        if not (published or archived):
            return self.env['mail.message']
        partners = self.env.ref('cs_helpdesk.group_cs_supervisor').sudo().users.mapped('partner_id')
        if not partners:
            return self.env['mail.message']
        # One message for all: written in the language most of the supervisors read.
        lang = Counter(partners.mapped('lang')).most_common(1)[0][0] or self.env.context.get('lang')
        Article = Article.with_context(lang=lang)
        published, archived = published.with_context(lang=lang), archived.with_context(lang=lang)
        subject = Article._digest_subject(published, archived, now)
        body = Article._digest_body(published, archived)
        # A message on no record: it reaches the supervisors' inboxes (or mailboxes) like a direct message.
        # Posted without a language: Odoo 11's zh_CN translation of the notification e-mail's subject
        # template translates its Python keywords (or → 或), fails to render, and blanks the message subject.
        return self.env['mail.thread'].sudo().with_context(lang=False).message_post(
            subject=subject, body=body, partner_ids=partners.ids,
            message_type='comment', subtype='mail.mt_comment')

    @api.model
    def _digest_subject(self, published, archived, now):
        return _("Knowledge base on %s: %d added, %d removed") % (
            fields.Date.to_string(fields.Datetime.context_timestamp(self, now)), len(published), len(archived))

    @api.model
    def _digest_body(self, published, archived):
        """The digest as HTML: a list of the added articles and one of the removed ones."""
        parts = ['<p>%s</p>' % html_escape(_(
            "Changes to the knowledge base in the last 24 hours. Please brief your agents on them."))]
        for title, articles in ((_("Added"), published), (_("Removed"), archived)):
            if not articles:
                continue
            parts.append('<p><strong>%s (%d)</strong></p><ul>' % (html_escape(title), len(articles)))
            for article in articles:
                parts.append('<li><a href="/web#id=%d&amp;model=cs.kb.article&amp;view_type=form">%s</a> (%s)</li>'
                             % (article.id, html_escape(article.name), html_escape(article.category_id.display_name)))
            parts.append('</ul>')
        return ''.join(parts)
