import logging

from odoo import _, api, models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)


class IrTranslation(models.Model):
    _inherit = 'ir.translation'

    @api.model
    def load_module_terms(self, modules, langs):
        # Public in Odoo, hence an RPC endpoint: loading a language is the administrators' (and install's).
        if not self.env.user._is_admin():
            raise AccessError(_("Only administrators load the translations of modules."))
        result = super(IrTranslation, self).load_module_terms(modules, langs)
        self._cs_drop_broken_template_translations()
        self._cs_translate_fields_with_colliding_ids()
        return result

    @api.model
    def _cs_translate_fields_with_colliding_ids(self):
        """Give the suite's field labels whose translation missed its record the translation of their term.

        Odoo names a field's record ``field_<model>_<field>``: ``cs.ticket``'s ``type_id`` and
        ``cs.ticket.type``'s ``id`` both make ``field_cs_ticket_type_id``, and the second one gets the
        database id as a suffix. A ``.po`` file refers to that suffixed name, which differs from one database
        to the next, so "Type", "Stage", "Rule" or "Queue" stayed English on a new installation. The same
        English label of the same module (a field's or a view's) has the same translation: copy it where it
        is missing.
        """
        self.env.cr.execute("""
            INSERT INTO ir_translation (name, type, lang, res_id, src, value, module, state)
            SELECT DISTINCT ON (field.id, known.lang)
                   'ir.model.fields,field_description', 'model', known.lang, field.id,
                   field.field_description, known.value, data.module, 'translated'
              FROM ir_model_fields field
              JOIN ir_model_data data ON data.model = 'ir.model.fields' AND data.res_id = field.id
              JOIN ir_translation known ON known.module = data.module AND known.type IN ('model', 'model_terms')
                   AND known.src = field.field_description AND coalesce(known.value, '') != ''
             WHERE data.module LIKE 'cs\\_%'
               AND NOT EXISTS (SELECT 1 FROM ir_translation own
                                WHERE own.name = 'ir.model.fields,field_description' AND own.type = 'model'
                                  AND own.res_id = field.id AND own.lang = known.lang)
        """)
        if self.env.cr.rowcount:
            self.clear_caches()

    @api.model
    def _cs_drop_broken_template_translations(self):
        """Remove translations of mail templates that no longer compile, so the source template is used.

        Odoo 11's own zh_CN terms translate the code of some templates (``or`` → ``或`` in the subject of
        the default notification), which then cannot render: every notification of a Chinese user would
        lose its subject and log a traceback. Called whenever terms are loaded, and on install/upgrade.
        """
        from odoo.addons.mail.models.mail_template import mako_template_env
        broken = self.browse()
        for translation in self.sudo().search([('name', 'like', 'mail.template,%'), ('value', '!=', False)]):
            try:
                mako_template_env.from_string(translation.value)
            except Exception:
                broken |= translation
        if broken:
            _logger.info("Dropped %d mail template translations that do not compile: %s",
                         len(broken), ', '.join('%s[%s] #%s' % (t.name, t.lang, t.res_id) for t in broken))
            broken.unlink()
        return len(broken)
