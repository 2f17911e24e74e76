from odoo import api, fields, models

# The dispositions cdr_csv writes, as stored (upper case), with their labels.
DISPOSITIONS = [('ANSWERED', 'Answered'), ('NO ANSWER', 'No Answer'), ('BUSY', 'Busy'), ('FAILED', 'Failed'),
                ('CONGESTION', 'Congestion')]


class CsCallLeg(models.Model):
    """One leg of a call as the telephone system's call detail records wrote it (C2).

    A parallel ``Dial`` writes a leg per ringing phone, a queue member reached through a Local channel adds
    the channel's second half; the call (``cs.call``) is what the legs add up to, and the legs stay beside it
    so that a supervisor can see how the call went. Legs are written only by the CDR import (one set-based
    INSERT per batch) and are read-only for every role; they go when their call goes.
    """
    _name = 'cs.call.leg'
    _description = 'Call Leg'
    _order = 'call_id, date_start, cdr_sequence, id'
    _rec_name = 'channel'

    call_id = fields.Many2one('cs.call', 'Call', required=True, index=True, ondelete='cascade', readonly=True)
    leg_uid = fields.Char('Leg ID', required=True, readonly=True,
                          help="Technical: derived from the leg's own fields, so that a leg read twice is stored once.")
    uniqueid = fields.Char('Unique ID', readonly=True)
    linkedid = fields.Char('Linked ID', readonly=True, help="The id Asterisk gives all the legs of one call.")
    cdr_sequence = fields.Integer('Sequence', readonly=True, help="Asterisk's order of the record (21-column files).")
    src = fields.Char('Source', readonly=True, help="The caller's number (src).")
    clid = fields.Char('Caller ID', readonly=True, help="Caller name and number as the PBX wrote them (clid).")
    dst = fields.Char('Destination', readonly=True, help="The number or extension dialled (dst).")
    dcontext = fields.Char('Context', readonly=True)
    channel = fields.Char('Channel', readonly=True, help="The calling side's channel.")
    dstchannel = fields.Char('Destination Channel', readonly=True, help="The called side's channel (its peer is the agent).")
    lastapp = fields.Char('Application', readonly=True)
    lastdata = fields.Char('Application Data', readonly=True)
    queue_code = fields.Char('Queue', readonly=True, index=True,
                             help="The queue the leg reached (first field of the Queue application's data).")
    date_start = fields.Datetime('Started', readonly=True)
    date_answer = fields.Datetime('Answered at', readonly=True)
    date_end = fields.Datetime('Ended at', readonly=True)
    duration = fields.Integer('Duration (s)', readonly=True)
    billsec = fields.Integer('Billed (s)', readonly=True, help="Seconds from answer to end (billsec).")
    disposition = fields.Selection(DISPOSITIONS, readonly=True)
    accountcode = fields.Char('Account Code', readonly=True)
    peeraccount = fields.Char('Peer Account', readonly=True)
    amaflags = fields.Char('AMA Flags', readonly=True)
    userfield = fields.Char('User Field', readonly=True)
    company_id = fields.Many2one(related='call_id.company_id', store=True, readonly=True, index=True)

    _sql_constraints = [
        ('leg_uid_unique', 'unique(leg_uid)', 'This call leg is already stored.'),
    ]

    @api.multi
    def name_get(self):
        return [(leg.id, '%s → %s' % (leg.channel or '?', leg.dstchannel or leg.dst or '?')) for leg in self]
