from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape


class CsTicket(models.Model):
    """Work orders open the knowledge base on their subject and keep the articles applied to them (H10)."""
    _inherit = 'cs.ticket'

    kb_article_ids = fields.Many2many(
        'cs.kb.article', 'cs_ticket_kb_article_rel', 'ticket_id', 'article_id', string='Applied Articles',
        readonly=True, copy=False,
        help="Knowledge base articles applied to this work order with the Apply to Work Order button.")
    kb_article_count = fields.Integer('Articles Applied', compute='_compute_kb_article_count')

    @api.multi
    @api.depends('kb_article_ids')
    def _compute_kb_article_count(self):
        for ticket in self:
            ticket.kb_article_count = len(ticket.kb_article_ids)

    @api.multi
    def action_search_knowledge_base(self):
        """Open the published articles about the work order, most used first, ready to apply.

        About the order: a keyword of the article occurs in the subject (or the article holds every word of
        it); when no article is about the subject, the articles for the order's type.
        """
        self.ensure_one()
        action = self.env.ref('cs_helpdesk.cs_kb_article_action_search').read()[0]
        context = {'cs_kb_ticket_id': self.id}
        Article = self.env['cs.kb.article']
        published = [('state', '=', 'published')]
        if self.name and Article.search_count(published + [('related_text', 'ilike', self.name)]):
            context['search_default_related_text'] = self.name
        elif self.type_id:
            context['search_default_type_ids'] = self.type_id.id
        action['context'] = context
        return action

    @api.multi
    def action_view_kb_articles(self):
        """Open the articles applied to the work order."""
        self.ensure_one()
        action = self.env.ref('cs_helpdesk.cs_kb_article_action').read()[0]
        action['domain'] = [('id', 'in', self.kb_article_ids.ids)]
        action['context'] = {'cs_kb_ticket_id': self.id}
        return action

    @api.multi
    def apply_kb_articles(self, articles):
        """Apply published knowledge base articles to this work order.

        Each article not yet applied here is linked, its use counted once, and its answer posted as an
        internal note, so the next person handling the order reads what the caller was told. Applying an
        article a second time changes nothing. Returns the articles newly applied.
        """
        self.ensure_one()
        # Links are written in SQL (the field is read-only on the form), so the right to change the order is
        # checked here first.
        self.check_access_rights('write')
        self.check_access_rule('write')
        articles.check_access_rights('read')
        articles.check_access_rule('read')
        unpublished = articles.filtered(lambda article: article.state != 'published')
        if unpublished:
            raise UserError(_("Only published articles can be applied to a work order (article: %s).")
                            % unpublished[0].name)
        if not articles:
            return articles
        # ON CONFLICT on the relation's unique key: an article applied twice, even by two agents at the same
        # moment, is linked and counted once.
        self.env.cr.execute(
            'INSERT INTO cs_ticket_kb_article_rel (ticket_id, article_id) '
            'SELECT %s, article_id FROM unnest(%s) AS article_id '
            'ON CONFLICT DO NOTHING RETURNING article_id',
            (self.id, articles.ids))
        applied_ids = {row[0] for row in self.env.cr.fetchall()}
        self.invalidate_cache(['kb_article_ids', 'kb_article_count'], self.ids)
        applied = articles.filtered(lambda article: article.id in applied_ids)
        applied._increment_use_count()
        for article in applied:
            self.message_post(
                body='<p>%s</p><h4>%s</h4>%s' % (
                    html_escape(_("Knowledge base article applied:")), html_escape(article.name),
                    article.content or ''),
                subtype='mail.mt_note', message_type='comment')
        return applied
