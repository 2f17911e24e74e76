"""Upgrade from 11.0.1.0.0: the job positions that existed before the customer-service pipeline keep Odoo's
stages, as on a new installation (see hooks.post_init_hook)."""
from odoo.addons.cs_recruit.hooks import post_init_hook


def migrate(cr, version):
    if version:
        post_init_hook(cr, None)
