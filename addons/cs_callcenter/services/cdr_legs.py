"""One call from its legs (C2): Asterisk writes a line per leg (a parallel ``Dial(SIP/301&SIP/200)`` writes one
per ringing phone, a queue member behind a Local channel adds the ``;2`` half), and a call report needs one
record per call. Pure functions over the leg dicts of ``services.cdr``.

Rules (issue 13):
- the legs of a call share its ``call_uid`` (linkedid, else uniqueid, else an id derived from the caller's
  channel and start);
- the call is answered when any leg reached an agent or destination and was answered (ANSWERED with a
  destination channel); its agent is the peer of that leg (the first one answered), wait = that first
  answer − the call's start, talk = that leg's billsec;
- otherwise: abandoned when it reached a queue, completed in the IVR when the PBX itself answered it,
  missed / busy / failed after the legs' dispositions;
- direction: an extension calling an outside number (through ``Dongle/…``, ``Local/<number>@…``, a trunk
  ``SIP/<trunk>-…`` or a dialled number that is no extension) is outbound, an extension calling an extension
  is internal, anything else is inbound.
"""
import re

from .cdr import caller_name, channel_parts, is_local_channel, seconds_between

# An internal extension: 2 to 6 digits (longer numbers are outside numbers, service numbers included).
_EXTENSION = re.compile(r'^\d{2,6}$')
_OUTSIDE_NUMBER = re.compile(r'^\+?\d{7,}$')
# Channel technologies that always lead out of the PBX (GSM gateways).
OUTSIDE_TECHNOLOGIES = ('dongle', 'mobile', 'gsm')
# Contexts of calls that come in from a trunk, whatever the channel's peer looks like.
_INBOUND_CONTEXT = re.compile(r'pstn|trunk|from-external|incoming|from-did', re.IGNORECASE)


def looks_like_extension(value, extensions=()):
    """True when ``value`` is a known extension or has the shape of one (2–6 digits)."""
    return bool(value) and (value in extensions or bool(_EXTENSION.match(value)))


def leg_order(leg):
    """Sort key of the legs of a call: the caller's own leg first (not a Local half), then by time and order."""
    return (is_local_channel(leg.get('channel')), leg['date_start'], leg.get('sequence') or 0, leg.get('line') or 0)


def _leads_outside(leg, extensions):
    technology, peer = channel_parts(leg.get('dstchannel'))
    if technology:
        if technology.lower() in OUTSIDE_TECHNOLOGIES:
            return True
        # SIP/<trunk>-…, PJSIP/<trunk>-…, Local/<outside number>@…: the peer is no extension.
        return not looks_like_extension(peer, extensions)
    return bool(_OUTSIDE_NUMBER.match(leg.get('dst') or ''))


def call_direction(leg, extensions=()):
    """``in``, ``out`` or ``internal`` for the call whose first (caller's) leg is ``leg``.

    ``extensions`` are the agents' extensions known to the importer (any extension of 2–6 digits counts too).
    """
    if _INBOUND_CONTEXT.search(leg.get('dcontext') or ''):
        return 'in'
    technology, peer = channel_parts(leg.get('channel'))
    if technology:
        from_extension = looks_like_extension(peer, extensions)
    else:
        from_extension = looks_like_extension(leg.get('src'), extensions)
    if not from_extension:
        return 'in'
    return 'out' if _leads_outside(leg, extensions) else 'internal'


def _reached_destination(leg):
    return leg['disposition'] == 'ANSWERED' and bool(leg.get('dstchannel'))


def _unanswered_status(legs):
    if any(leg.get('queue') for leg in legs):
        return 'abandoned'
    if any(leg['disposition'] == 'ANSWERED' for leg in legs):
        # Answered by the PBX itself (IVR, voicemail, announcement) and by nobody else.
        return 'ivr_completed'
    dispositions = {leg['disposition'] for leg in legs}
    if 'NO ANSWER' in dispositions:
        return 'missed'
    if 'BUSY' in dispositions:
        return 'busy'
    return 'failed'


def merge_legs(legs, extensions=()):
    """Merge the legs of one call (leg dicts of ``services.cdr``, in any order) into a call dict.

    ``extensions`` (optional) are the known agents' extensions, used to tell extensions from trunks. The
    call's ``agent`` is the peer (extension) of the answered leg for inbound and internal calls, the caller's
    extension for outbound ones; the importer looks it up and warns when it is unknown.
    """
    if not legs:
        raise ValueError('a call needs at least one leg')
    ordered = sorted(legs, key=leg_order)
    first = ordered[0]
    date_start = min(leg['date_start'] for leg in ordered)
    date_end = max(leg['date_end'] for leg in ordered)
    direction = call_direction(first, extensions)
    answered = sorted((leg for leg in ordered if _reached_destination(leg)),
                      key=lambda leg: (leg.get('date_answer') or leg['date_start'], leg_order(leg)))
    if answered:
        leg = answered[0]
        status = 'answered'
        date_answer = leg.get('date_answer') or leg['date_start']
        wait, talk = seconds_between(date_answer, date_start), leg['billsec']
        disposition = leg['disposition']
        agent = channel_parts(leg['dstchannel'])[1]
    else:
        status = _unanswered_status(ordered)
        date_answer = None
        wait, talk = seconds_between(date_end, date_start), 0
        disposition = first['disposition']
        agent = None
    if direction == 'out':
        technology, peer = channel_parts(first.get('channel'))
        agent = peer if technology else first.get('src')
    if agent and not looks_like_extension(agent, extensions) and agent not in extensions:
        # A trunk or an outside number (follow-me) is no agent.
        agent = None
    queue = next((leg['queue'] for leg in ordered if leg.get('queue')), None)
    return {
        'call_uid': first['call_uid'],
        'direction': direction,
        'caller_number': first.get('src') or None,
        'caller_name': caller_name(first.get('clid'), first.get('src')),
        'callee_number': first.get('dst') or None,
        'queue': queue,
        'agent': agent,
        'date_start': date_start,
        'date_answer': date_answer,
        'date_end': date_end,
        'wait_seconds': wait,
        'talk_seconds': talk,
        'status': status,
        'disposition': disposition,
        'recording_url': None,
    }
