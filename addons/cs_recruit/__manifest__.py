{
    'name': 'Customer Service Recruitment and Training',
    'summary': 'Recruiting agents on Odoo Recruitment (screening, voice audition, interviews, offer) and training them',
    'version': '11.0.1.0.0',
    'category': 'Customer Service',
    'author': 'Customer Service Suite',
    'license': 'LGPL-3',
    'depends': ['hr_recruitment', 'survey', 'cs_helpdesk'],
    'data': [
        'security/ir.model.access.csv',
        'data/cs_recruit_channel_data.xml',
        'views/hr_job_views.xml',
        'views/cs_recruit_menus.xml',
    ],
    'demo': [
        'demo/cs_recruit_demo.xml',
    ],
    'installable': True,
}
