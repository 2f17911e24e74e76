from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsKbCategory(models.Model):
    """A category of the knowledge base (知识库分类): business knowledge, prices, troubleshooting ...

    Categories nest (故障处理 / 宽带), so the full path is shown wherever one is picked.
    """
    _name = 'cs.kb.category'
    _description = 'Knowledge Base Category'
    _order = 'sequence, name, id'

    name = fields.Char(required=True, translate=True)
    parent_id = fields.Many2one('cs.kb.category', 'Parent Category', index=True, ondelete='restrict')
    child_ids = fields.One2many('cs.kb.category', 'parent_id', 'Subcategories')
    # Not stored: the names are translated, and the path must read in the language of whoever looks at it.
    complete_name = fields.Char(
        'Full Name', compute='_compute_complete_name',
        help="The category with its parents, e.g. Troubleshooting / Broadband.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    article_ids = fields.One2many('cs.kb.article', 'category_id', 'Articles')
    article_count = fields.Integer('Articles', compute='_compute_article_count')

    @api.multi
    @api.depends('name', 'parent_id.complete_name')
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = '%s / %s' % (category.parent_id.complete_name, category.name)
            else:
                category.complete_name = category.name

    @api.multi
    def _compute_article_count(self):
        # One grouped query for the batch; record rules apply, so an agent counts the published articles only.
        groups = self.env['cs.kb.article'].read_group(
            [('category_id', 'in', self.ids)], ['category_id'], ['category_id'])
        counts = {group['category_id'][0]: group['category_id_count'] for group in groups}
        for category in self:
            category.article_count = counts.get(category.id, 0)

    @api.multi
    def name_get(self):
        return [(category.id, category.complete_name) for category in self]

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_("A knowledge base category cannot be its own parent, even indirectly."))

    @api.multi
    def action_view_articles(self):
        """Open the articles of the category."""
        self.ensure_one()
        action = self.env.ref('cs_helpdesk.cs_kb_article_action').read()[0]
        action['domain'] = [('category_id', '=', self.id)]
        action['context'] = {'default_category_id': self.id}
        return action
