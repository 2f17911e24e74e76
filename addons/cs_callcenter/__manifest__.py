{
    'name': 'Customer Service Call Center',
    'summary': 'Calls, CTI and CDR import, queues, agent status, outbound campaigns, quality inspection, rostering',
    'version': '11.0.1.0.0',
    'category': 'Customer Service',
    'author': 'Customer Service Suite',
    'license': 'LGPL-3',
    'depends': ['cs_helpdesk'],
    'data': [
        'security/ir.model.access.csv',
        'views/cs_call_queue_views.xml',
        'views/res_users_views.xml',
        'views/cs_callcenter_menus.xml',
    ],
    'demo': [
        'demo/cs_callcenter_demo.xml',
    ],
    'installable': True,
}
