def post_init_hook(cr, registry):
    """Job positions that existed before the installation keep Odoo's recruitment stages.

    New positions use the customer-service pipeline by default; the ones this addon creates (demo) too.
    """
    cr.execute("""
        UPDATE hr_job SET cs_pipeline = false
         WHERE id NOT IN (SELECT res_id FROM ir_model_data WHERE model = 'hr.job' AND module = 'cs_recruit')
    """)
