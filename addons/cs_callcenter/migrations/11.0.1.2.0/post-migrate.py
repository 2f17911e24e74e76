def migrate(cr, version):
    """Earlier demo databases showed the demo PBX's token in its note: no secret stays in a readable field."""
    cr.execute("""
        UPDATE cs_pbx
           SET note = 'CTI events: POST http://localhost:8069/cs/cti/event with the header X-CS-Token '
                      '(the token is set by the administrator).'
         WHERE note ILIKE '%%X-CS-Token:%%'
    """)
