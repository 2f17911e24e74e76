"""Contact checks for work orders that send someone out (repair) or must be answered (complaint).

An order dispatched with a wrong phone or no address is an "erroneous work order" (S4, K4 deduction),
so the suite refuses to dispatch it instead of counting the error afterwards.
"""
import re

import phonenumbers

DEFAULT_REGION = 'CN'

PROBLEM_PHONE_MISSING = 'phone_missing'
PROBLEM_PHONE_INVALID = 'phone_invalid'
PROBLEM_ADDRESS_MISSING = 'address_missing'


def parse_phone(number, region=DEFAULT_REGION):
    """Return the parsed ``phonenumbers.PhoneNumber`` of ``number``, or None when it is no number at all.

    ``region`` is the ISO country code used for numbers written without a country prefix.
    """
    if not number or not number.strip():
        return None
    try:
        return phonenumbers.parse(number, region or DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None


def normalize_phone(number, region=DEFAULT_REGION):
    """Return ``number`` in E.164 form (``+8613812345678``), or None when it is not a valid number."""
    parsed = parse_phone(number, region)
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def dispatch_problems(phone, address, region=DEFAULT_REGION):
    """List what stops a work order from being dispatched, as problem codes (empty when none).

    A dispatchable order has a valid phone number for ``region`` and a non-blank address.
    """
    problems = []
    if not phone or not phone.strip():
        problems.append(PROBLEM_PHONE_MISSING)
    elif normalize_phone(phone, region) is None:
        problems.append(PROBLEM_PHONE_INVALID)
    if not address or not address.strip():
        problems.append(PROBLEM_ADDRESS_MISSING)
    return problems


def phone_search_key(text, region=DEFAULT_REGION, min_digits=4):
    """What a phone number typed into a search box can match, as ``(e164, digits)``, or None.

    A complete number in any form (``130 2445 4016``, ``+86-130…``, ``0531-88881234``) gives its E.164 form
    to match exactly; a fragment of at least ``min_digits`` digits (the last 4–8 digits of a mobile, a
    landline without its area code) gives the digits to match at the end of the stored numbers. Text that
    is no phone number (a name, letters mixed in) gives None.
    """
    text = (text or '').strip()
    if not text or not re.match(r'^[+\d][\d\s()./-]*$', text):
        return None
    digits = re.sub(r'\D', '', text)
    if len(digits) < min_digits:
        return None
    e164 = normalize_phone(text, region)
    return (e164, None) if e164 else (None, digits)
