"""The pure CTI rules: every 400 reason, merging in any order, repeated events, tokens."""
import itertools
import unittest
from datetime import datetime

from odoo.addons.cs_callcenter.services import cti_event, pbx_token
from odoo.addons.cs_callcenter.services.cti_event import CtiError


def body(event, **values):
    result = {'event': event, 'call_id': 'c-1', 'timestamp': '2024-05-01T09:30:00+08:00'}
    if event == 'ring':
        result.update({'from': '13805310001', 'to': '96123', 'direction': 'in', 'queue': 'hotline', 'agent': '8001'})
    result.update(values)
    return result


class TestCtiValidation(unittest.TestCase):

    def assertRefused(self, data, words):
        with self.assertRaises(CtiError) as caught:
            cti_event.validate_event(data)
        self.assertIn(words, str(caught.exception))

    def test_a_ring_is_accepted_and_its_time_is_utc(self):
        event = cti_event.validate_event(body('ring'))
        # 09:30 in Beijing (+08:00) is 01:30 UTC.
        self.assertEqual(event['timestamp'], datetime(2024, 5, 1, 1, 30))
        self.assertEqual((event['from'], event['queue'], event['agent']), ('13805310001', 'hotline', '8001'))

    def test_epoch_seconds_are_accepted(self):
        event = cti_event.validate_event(body('answer', timestamp=1714527000))
        self.assertEqual(event['timestamp'], datetime(2024, 5, 1, 1, 30))
        self.assertEqual(cti_event.validate_event(body('answer', timestamp='1714527000'))['timestamp'],
                         datetime(2024, 5, 1, 1, 30))

    def test_every_malformed_body_is_refused_with_its_reason(self):
        self.assertRefused(['not', 'an', 'object'], 'JSON object')
        self.assertRefused({'call_id': 'x', 'timestamp': 1714527000}, 'event is missing')
        self.assertRefused(body('transfer'), "unknown event 'transfer'")
        self.assertRefused(body('ring', call_id=''), 'call_id is missing')
        self.assertRefused(body('ring', call_id='x' * 200), 'call_id is longer')
        self.assertRefused(body('ring', call_id={'a': 1}), 'call_id must be a string')
        self.assertRefused(body('ring', **{'from': None}), 'from is missing')
        self.assertRefused(body('ring', to=''), 'to is missing')
        self.assertRefused(body('ring', direction=None), 'direction is missing')
        self.assertRefused(body('ring', direction='sideways'), "direction 'sideways'")
        self.assertRefused(body('hangup', cause='exploded'), "cause 'exploded'")
        self.assertRefused(body('answer', cause='normal'), 'cause is only allowed on hangup')
        self.assertRefused(body('hangup', evaluation='great'), "evaluation 'great'")
        self.assertRefused(body('hangup', recording_url='ftp://pbx/1.wav'), 'recording_url')

    def test_bad_timestamps_are_refused(self):
        self.assertRefused(body('ring', timestamp=None), 'timestamp is missing')
        self.assertRefused(body('ring', timestamp='yesterday'), 'not an ISO 8601')
        self.assertRefused(body('ring', timestamp='2024-05-01T09:30:00'), 'no UTC offset')
        self.assertRefused(body('ring', timestamp=-5), 'plausible epoch')
        self.assertRefused(body('ring', timestamp=True), 'timestamp is missing')
        self.assertRefused(body('ring', timestamp=[2024]), 'ISO 8601 string or epoch')


class TestCtiMerge(unittest.TestCase):
    # Ring 01:30:00, answer 01:30:12, hangup 01:33:12 (UTC): wait 12 s, talk 180 s.
    EVENTS = [
        body('ring', timestamp='2024-05-01T01:30:00Z'),
        body('answer', timestamp='2024-05-01T01:30:12Z', agent='8002'),
        body('hangup', timestamp='2024-05-01T01:33:12Z', cause='normal', evaluation='satisfied',
             recording_url='https://pbx/rec/c-1.wav'),
    ]

    def merge_all(self, events):
        state = {}
        for event in events:
            state, _changed = cti_event.merge_event(state, cti_event.validate_event(event))
        return state

    def test_the_result_is_the_same_in_every_arrival_order(self):
        expected = self.merge_all(self.EVENTS)
        for order in itertools.permutations(self.EVENTS):
            self.assertEqual(self.merge_all(order), expected)
        figures = cti_event.call_figures(expected)
        self.assertEqual(figures, {'progress': 'done', 'status': 'answered', 'wait_seconds': 12, 'talk_seconds': 180})
        # The agent who answered (8002) wins over the one the call rang for (8001).
        self.assertEqual(expected['agent'], '8002')
        self.assertEqual(expected['evaluation'], 'satisfied')

    def test_a_repeated_event_changes_nothing(self):
        state = self.merge_all(self.EVENTS)
        for event in self.EVENTS:
            again, changed = cti_event.merge_event(state, cti_event.validate_event(event))
            self.assertFalse(changed)
            self.assertEqual(again, state)
        # Even a duplicate with another time keeps the first one.
        late = body('hangup', timestamp='2024-05-01T02:00:00Z')
        again, changed = cti_event.merge_event(state, cti_event.validate_event(late))
        self.assertFalse(changed)

    def test_a_call_never_answered_is_abandoned_and_waited_until_the_end(self):
        state = self.merge_all([self.EVENTS[0], body('hangup', timestamp='2024-05-01T01:30:40Z', cause='abandon')])
        # Wait = end − ring = 40 s; no talk.
        self.assertEqual(cti_event.call_figures(state),
                         {'progress': 'done', 'status': 'abandoned', 'wait_seconds': 40, 'talk_seconds': 0})

    def test_hangup_causes_give_the_status(self):
        for cause, status in [('busy', 'busy'), ('failed', 'failed'), ('ivr', 'ivr_completed'),
                              ('no_answer', 'missed'), ('normal', 'abandoned')]:
            state = self.merge_all([self.EVENTS[0], body('hangup', cause=cause)])
            self.assertEqual(cti_event.call_figures(state)['status'], status, cause)
        outbound = self.merge_all([body('ring', direction='out'), body('hangup')])
        self.assertEqual(cti_event.call_figures(outbound)['status'], 'missed')

    def test_a_call_still_ringing_or_talking_has_no_status(self):
        self.assertEqual(cti_event.call_figures(self.merge_all(self.EVENTS[:1]))['progress'], 'ringing')
        talking = cti_event.call_figures(self.merge_all(self.EVENTS[:2]))
        self.assertEqual((talking['progress'], talking['status'], talking['wait_seconds']), ('talking', None, 12))


class TestPbxToken(unittest.TestCase):

    def test_a_token_is_stored_salted_and_checked(self):
        stored = pbx_token.hash_token('s3cret-token-123')
        self.assertNotIn('s3cret', stored)
        self.assertNotEqual(stored, pbx_token.hash_token('s3cret-token-123'), 'each hash has its own salt')
        self.assertTrue(pbx_token.verify_token('s3cret-token-123', stored))
        self.assertFalse(pbx_token.verify_token('s3cret-token-124', stored))
        self.assertFalse(pbx_token.verify_token('', stored))
        self.assertFalse(pbx_token.verify_token('s3cret-token-123', 'garbage'))
        self.assertFalse(pbx_token.verify_token('s3cret-token-123', None))
