{
    'name': 'Customer Service KPIs',
    'summary': 'Operational reports, the agent KPI scorecard and the monthly appraisal',
    'version': '11.0.1.0.0',
    'category': 'Customer Service',
    'author': 'Customer Service Suite',
    'license': 'LGPL-3',
    'depends': ['cs_helpdesk'],
    'data': [
        'security/ir.model.access.csv',
        'data/cs_kpi_definition_data.xml',
        'views/cs_kpi_definition_views.xml',
        'views/cs_kpi_menus.xml',
    ],
    'installable': True,
}
