"""Which SLA policy applies to a ticket (H5): the first one, in sequence order, whose criteria all match."""

PRIORITY_ORDER = ['0', '1', '2', '3']


def policy_matches(policy, ticket):
    """True when every criterion the policy sets holds for the ticket.

    Both are mappings. Policy keys: ``type_ids``, ``team_ids`` (empty = any), ``priority_min`` (ticket
    priority at least this, None = any), ``customer_level`` (None = any). Ticket keys: ``type_id``,
    ``team_id``, ``priority``, ``customer_level``.
    """
    if policy.get('type_ids') and ticket.get('type_id') not in policy['type_ids']:
        return False
    if policy.get('team_ids') and ticket.get('team_id') not in policy['team_ids']:
        return False
    if policy.get('priority_min') and \
            PRIORITY_ORDER.index(ticket.get('priority') or '0') < PRIORITY_ORDER.index(policy['priority_min']):
        return False
    if policy.get('customer_level') and ticket.get('customer_level') != policy['customer_level']:
        return False
    return True


def first_matching(policies, ticket):
    """The first policy of ``policies`` (already in sequence order) matching ``ticket``, or None."""
    return next((policy for policy in policies if policy_matches(policy, ticket)), None)
