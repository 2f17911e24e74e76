from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import UserError
from odoo.tools.translate import _


class ResUsers(models.Model):
    """The certification gate of R9 on the user side: joining call queues through the user's own form."""
    _inherit = 'res.users'

    @api.multi
    def _cs_check_certified(self, purpose):
        """Raise a UserError when one of these users is linked to an employee that is not certified.

        Users without any employee record (the administrator, technical or test users, people of other
        departments) are not gated: the gate is about agents hired and trained through this addon, and an
        employee record is what makes someone such an agent. The superuser (admin) is not gated either,
        although Odoo's hr links it to an employee: it is the technical account that installs and repairs
        data, not an agent. ``purpose`` is 'queue' (joining call queues) or 'ticket' (being assigned work
        orders) and chooses the message.
        """
        users = self.filtered(lambda user: user.id != SUPERUSER_ID)
        if not users:
            return
        employees = self.env['hr.employee'].sudo().search([('user_id', 'in', users.ids)])
        for user in users:
            linked = employees.filtered(lambda employee: employee.user_id == user)
            if linked and not any(linked.mapped('cs_certified')):
                if purpose == 'ticket':
                    message = _("%s is not certified yet: they must pass the onboarding course before they can be "
                                "assigned work orders.")
                else:
                    message = _("%s is not certified yet: they must pass the onboarding course before they can join "
                                "call queues.")
                raise UserError(message % user.name)

    @api.model
    def create(self, vals):
        user = super(ResUsers, self).create(vals)
        if vals.get('cs_queue_ids'):
            user._cs_check_certified('queue')
        return user

    @api.multi
    def write(self, vals):
        if 'cs_queue_ids' not in vals:
            return super(ResUsers, self).write(vals)
        before = {user.id: user.cs_queue_ids for user in self}
        result = super(ResUsers, self).write(vals)
        self.filtered(lambda user: user.cs_queue_ids - before[user.id])._cs_check_certified('queue')
        return result
