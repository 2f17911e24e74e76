from lxml import etree

from .common import HelpdeskCase


class TestViews(HelpdeskCase):
    """What the web client of Odoo 11 makes of the suite's views."""

    def test_status_bars_are_clickable_the_odoo_11_way(self):
        """Odoo 11 reads ``clickable="1"`` on the field; ``options="{'clickable': ...}"`` is ignored."""
        views = self.env['ir.ui.view'].search([('model', '=like', 'cs.%'), ('type', '=', 'form')])
        for view in views:
            for node in etree.fromstring(view.arch).iter('field'):
                if node.get('widget') == 'statusbar':
                    self.assertNotIn('clickable', node.get('options', ''), view.xml_id)
        arch = etree.fromstring(self.env['cs.ticket'].sudo(self.agent_a).fields_view_get(view_type='form')['arch'])
        stage = arch.xpath("//field[@name='stage_id'][@widget='statusbar']")
        self.assertEqual(stage[0].get('clickable'), '1')

    def test_analyses_offer_no_technical_measures(self):
        """Pivot and graph views offer the stored numeric fields of fields_get as measures."""
        def measures(model):
            return {name for name, field in self.env[model].sudo(self.leader_a).fields_get().items()
                    if field.get('store') and field['type'] in ('integer', 'float', 'monetary')}
        self.assertNotIn('color', measures('cs.ticket'))
        self.assertNotIn('sequence', measures('cs.ticket.stage'))
        self.assertIn('delay_hours', measures('cs.return.visit.rule'), "real figures stay measures")
