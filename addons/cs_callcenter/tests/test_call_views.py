from .common import CallCenterCase


class TestCallAnalysis(CallCenterCase):

    def test_the_call_analysis_offers_no_technical_measure(self):
        fields = self.env['cs.call'].sudo(self.leader_a).fields_get()
        measures = {name for name, field in fields.items()
                    if field.get('store') and field['type'] in ('integer', 'float', 'monetary')}
        self.assertNotIn('cti_agent_rank', measures)
        self.assertIn('talk_seconds', measures)
