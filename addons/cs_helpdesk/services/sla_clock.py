"""The SLA clock (H5): deadlines counted in working hours of a calendar.

A :class:`WorkingSchedule` knows the weekly working intervals of a calendar and the periods when the clock
stands still: public holidays and leaves of the calendar, and the times a ticket spent in a pausing stage.
Everything here works on *naive local* datetimes (the calendar's wall clock); converting from and to UTC is
the caller's business.
"""
from datetime import datetime, time, timedelta

ON_TRACK = 'on_track'
AT_RISK = 'at_risk'
BREACHED = 'breached'
_SEVERITY = {ON_TRACK: 0, AT_RISK: 1, BREACHED: 2}

# How far ahead a deadline is searched for before the calendar is declared empty.
HORIZON_DAYS = 730


class WorkingSchedule(object):
    """Weekly working intervals minus closures.

    ``weekly_intervals``: iterable of ``(weekday, hour_from, hour_to)``, Monday = 0, hours as floats
    (8.5 = 08:30; ``hour_to`` may be 24).
    ``closures``: iterable of ``(start, end)`` naive datetimes when the clock does not run (holidays,
    leaves, pauses); they may overlap and may span several days.
    """

    def __init__(self, weekly_intervals, closures=()):
        self.weekly = {}
        for weekday, hour_from, hour_to in weekly_intervals:
            if not 0 <= weekday <= 6 or not 0 <= hour_from < hour_to <= 24:
                raise ValueError('invalid working interval %r' % ((weekday, hour_from, hour_to),))
            self.weekly.setdefault(weekday, []).append((hour_from, hour_to))
        for hours in self.weekly.values():
            hours.sort()
        self.closures = _merge(closures)

    def with_closures(self, closures):
        """A copy of this schedule with more closures (e.g. a ticket's pauses)."""
        schedule = WorkingSchedule([], ())
        schedule.weekly = self.weekly
        schedule.closures = _merge(list(self.closures) + list(closures))
        return schedule

    def working_intervals(self, start, horizon_days=HORIZON_DAYS):
        """Yield the working ``(from, to)`` intervals from ``start`` on, in order, closures cut out."""
        if not self.weekly:
            return
        day = start.date()
        for _ in range(horizon_days + 1):
            for hour_from, hour_to in self.weekly.get(day.weekday(), ()):
                begin = _at(day, hour_from)
                end = _at(day, hour_to)
                if end <= start:
                    continue
                for piece in self._cut_closures(max(begin, start), end):
                    yield piece
            day += timedelta(days=1)

    def _cut_closures(self, begin, end):
        for closed_from, closed_to in self.closures:
            if closed_to <= begin:
                continue
            if closed_from >= end:
                break
            if closed_from > begin:
                yield begin, closed_from
            begin = max(begin, closed_to)
            if begin >= end:
                return
        if begin < end:
            yield begin, end


def add_working_hours(start, hours, schedule):
    """The moment when ``hours`` of working time have elapsed after ``start``.

    Raises ``ValueError`` when ``hours`` is not positive or the schedule has no working time left in
    the next two years (an empty calendar).
    """
    if hours <= 0:
        raise ValueError('a working-time target must be positive, got %r' % hours)
    remaining = timedelta(hours=hours)
    for begin, end in schedule.working_intervals(start):
        if end - begin >= remaining:
            return begin + remaining
        remaining -= end - begin
    raise ValueError('the working calendar has no working time in the next %d days' % HORIZON_DAYS)


def working_hours_between(start, end, schedule):
    """Working hours elapsed between ``start`` and ``end`` (0 when ``end`` is not after ``start``)."""
    total = timedelta()
    if end <= start:
        return 0.0
    for begin, finish in schedule.working_intervals(start, horizon_days=(end - start).days + 1):
        if begin >= end:
            break
        total += min(finish, end) - begin
    return total.total_seconds() / 3600.0


def target_status(now, deadline, risk_from, met_at=None):
    """Status of one target: met in time, met late, late now, nearly late, or fine.

    ``met_at`` is when the target was met (first response, resolution), None while it is not.
    """
    if met_at is not None:
        return BREACHED if met_at > deadline else ON_TRACK
    if now > deadline:
        return BREACHED
    if risk_from is not None and now >= risk_from:
        return AT_RISK
    return ON_TRACK


def worst(statuses):
    """The most serious of several statuses (on track when there is none)."""
    return max(statuses, key=_SEVERITY.get, default=ON_TRACK)


def _at(day, hours):
    return datetime.combine(day, time()) + timedelta(hours=hours)


def _merge(intervals):
    """Sort intervals and merge the overlapping ones; drop empty ones."""
    merged = []
    for begin, end in sorted((begin, end) for begin, end in intervals if end > begin):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged
