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
        return result

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
