from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError
from odoo.osv import expression


# Integer fields no analysis should sum: a kanban colour, a display order.
TECHNICAL_MEASURE_NAMES = ('color', 'sequence')


def is_suite_field(field):
    """True for the fields of the suite: every field of a ``cs.*`` model, and the ``cs_*`` fields it adds to
    Odoo's models. Odoo's own restricted fields keep Odoo's behaviour."""
    return field.model_name.startswith('cs.') or field.name.startswith('cs_')


def _field_names(specification):
    """The field names of a ``read_group`` fields/groupby list or an ``order`` string (``date:month``,
    ``name desc``, ``amount:sum`` give ``date``, ``name``, ``amount``)."""
    if not specification:
        return []
    if isinstance(specification, str):
        specification = specification.split(',')
    return [part.strip().split(' ')[0].split(':')[0] for part in specification if part and part.strip()]


class Base(models.AbstractModel):
    """What the suite changes on every model.

    A field restricted by ``groups=`` is refused to other users on every path, not only by ``read``. Odoo 11
    checks ``groups`` in ``read``, ``write`` and ``fields_get`` only: a domain (``search``, ``search_count``,
    ``read_group``), an ``order``, the fields and groupbys of ``read_group`` and exports reach the column
    anyway and answer questions about its values (sums, a ``=like`` guessing oracle).

    Analyses offer as measures only figures a user would add up. Odoo 11's pivot and graph views offer every
    stored integer or float field as a measure, technical ones included (颜色索引, CTI 坐席优先级). They are the
    only parts of the web client that read ``store`` from ``fields_get``, so describing technical fields as
    not stored removes them from the measures and from nothing else.
    """
    _inherit = 'base'

    @api.model
    def _cs_check_restricted_paths(self, paths):
        """Raise AccessError when a path (list of field names from this model) goes through a suite field
        restricted by ``groups=`` to groups the current user is not in."""
        if self._uid == SUPERUSER_ID:
            return
        for path in paths:
            model = self
            for name in path:
                field = model._fields.get(name)
                if field is None:
                    break
                if field.groups and is_suite_field(field) and not model.user_has_groups(field.groups):
                    raise AccessError(_(
                        "You are not allowed to search, group, sort or export by the field %s (%s): it is "
                        "restricted to some user groups.") % (field.string, model._description))
                if not field.relational:
                    break
                model = self.env[field.comodel_name]

    @api.model
    def _cs_refuse_process_fields(self, vals, protected, message):
        """Refuse ``vals`` that write any of the ``protected`` fields, which the process or the PBX sets and no
        role may write by hand (the process writes them as the superuser). ``message`` is the translated
        refusal with one ``%s`` for the labels of the fields refused."""
        if self.env.user._is_superuser():
            return
        refused = protected.intersection(vals)
        if refused:
            raise AccessError(message % ', '.join(sorted(self._fields[name].string for name in refused)))

    @api.model
    def _cs_domain_paths(self, domain):
        return [leaf[0].split('.') for leaf in domain or []
                if expression.is_leaf(leaf) and isinstance(leaf[0], str)]

    @api.model
    def _where_calc(self, domain, active_test=True):
        self._cs_check_restricted_paths(self._cs_domain_paths(domain))
        return super(Base, self)._where_calc(domain, active_test=active_test)

    @api.model
    def _generate_order_by(self, order_spec, query):
        self._cs_check_restricted_paths([[name] for name in _field_names(order_spec)])
        return super(Base, self)._generate_order_by(order_spec, query)

    @api.model
    def _read_group_raw(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        if self._uid != SUPERUSER_ID:
            if not fields:
                # "Every stored field" means every field this user may read: aggregates of the others
                # (the sum of a confidential amount) would leak them.
                fields = [name for name, field in self._fields.items() if field.store and not (
                    field.groups and is_suite_field(field) and not self.user_has_groups(field.groups))]
            names = _field_names(fields) + _field_names(
                [groupby] if isinstance(groupby, str) else groupby) + _field_names(orderby)
            self._cs_check_restricted_paths([[name] for name in names])
        return super(Base, self)._read_group_raw(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        # Export paths read 'partner_id/cs_spend'; '.id' and 'id' are not fields.
        self._cs_check_restricted_paths([
            [name for name in path.replace('.id', 'id').split('/') if name != 'id']
            for path in fields_to_export or []])
        return super(Base, self).export_data(fields_to_export, raw_data=raw_data)

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        descriptions = super(Base, self).fields_get(allfields=allfields, attributes=attributes)
        for name, description in descriptions.items():
            if description.get('store') and description.get('type') in ('integer', 'float', 'monetary') and (
                    name in TECHNICAL_MEASURE_NAMES or (self._fields[name].help or '').startswith('Technical')):
                description['store'] = False
        return descriptions
