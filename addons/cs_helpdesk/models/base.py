from odoo import api, models

# Integer fields no analysis should sum: a kanban colour, a display order.
TECHNICAL_MEASURE_NAMES = ('color', 'sequence')


class Base(models.AbstractModel):
    """Analyses offer as measures only figures a user would add up.

    Odoo 11's pivot and graph views offer every stored integer or float field as a measure, technical ones
    included (颜色索引, CTI 坐席优先级). They are the only parts of the web client that read ``store`` from
    ``fields_get``, so describing technical fields as not stored removes them from the measures and from
    nothing else.
    """
    _inherit = 'base'

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        descriptions = super(Base, self).fields_get(allfields=allfields, attributes=attributes)
        for name, description in descriptions.items():
            if description.get('store') and description.get('type') in ('integer', 'float', 'monetary') and (
                    name in TECHNICAL_MEASURE_NAMES or (self._fields[name].help or '').startswith('Technical')):
                description['store'] = False
        return descriptions
