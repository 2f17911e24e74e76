from odoo.exceptions import ValidationError

from .common import HelpdeskCase

# The default calendar: Monday-Friday 08:30-12:00 and 13:00-17:30, Asia/Shanghai (UTC+8).
# November 2026: Wednesday 25, Thursday 26, Friday 27, Monday 30. Times below are UTC; local = UTC + 8 h.
WED_0900_LOCAL = '2026-11-25 01:00:00'


class SlaCase(HelpdeskCase):

    def ticket_created_at(self, created_utc, user=None, **values):
        """A work order recorded at ``created_utc`` (the database dates moved there), SLA recomputed then."""
        ticket = self.create_ticket(user or self.agent_a, **values)
        self.env.cr.execute("UPDATE cs_ticket SET create_date = %s WHERE id = %s", (created_utc, ticket.id))
        self.env.cr.execute("UPDATE cs_ticket_stage_log SET date_start = %s WHERE ticket_id = %s",
                            (created_utc, ticket.id))
        ticket.invalidate_cache()
        ticket._sla_recompute(created_utc)
        return ticket


class TestSlaDeadlines(SlaCase):
    """H5: the policy is matched, and deadlines are counted in working hours."""

    def test_an_enquiry_gets_the_default_targets_in_working_hours(self):
        ticket = self.ticket_created_at(WED_0900_LOCAL, type_id=self.type_consult.id)
        self.assertEqual(ticket.sla_policy_id, self.env.ref('cs_helpdesk.sla_policy_enquiry'))
        # First response 8 h from Wed 09:00: Wed 09:00-12:00 (3) + 13:00-17:30 (4.5) = 7.5, then Thu 08:30-09:00
        # (0.5) = Thu 09:00 local = Thu 01:00 UTC.
        self.assertEqual(ticket.response_deadline, '2026-11-26 01:00:00')
        # Resolution 16 h: Wed 7.5 + Thu 8 = 15.5, then Fri 08:30-09:00 = Fri 09:00 local = Fri 01:00 UTC.
        self.assertEqual(ticket.resolve_deadline, '2026-11-27 01:00:00')
        self.assertEqual(ticket.sla_status, 'on_track')

    def test_a_public_holiday_on_the_calendar_is_skipped(self):
        calendar = self.env.ref('cs_helpdesk.resource_calendar_cs_office')
        # Thursday 26 all day, local time: Wed 16:00 UTC to Thu 16:00 UTC.
        self.env['resource.calendar.leaves'].create({
            'name': 'Holiday', 'calendar_id': calendar.id,
            'date_from': '2026-11-25 16:00:00', 'date_to': '2026-11-26 16:00:00'})
        ticket = self.ticket_created_at(WED_0900_LOCAL, type_id=self.type_consult.id)
        # 8 h: Wed 7.5 h, Thursday off, Fri 08:30-09:00 = Fri 09:00 local = Fri 01:00 UTC.
        self.assertEqual(ticket.response_deadline, '2026-11-27 01:00:00')

    def test_a_vip_customer_gets_the_vip_class_and_priority(self):
        self.customer.cs_level = 'vip'
        ticket = self.ticket_created_at(WED_0900_LOCAL, type_id=self.type_complaint.id)
        self.assertEqual(ticket.priority, '2', "the company's VIP priority (High) by default")
        self.assertEqual(ticket.sla_policy_id, self.env.ref('cs_helpdesk.sla_policy_vip'))
        # VIP first response 2 h: Wed 09:00-11:00 local = Wed 03:00 UTC.
        self.assertEqual(ticket.response_deadline, '2026-11-25 03:00:00')

    def test_a_vip_order_recorded_as_urgent_stays_urgent(self):
        self.customer.cs_level = 'vip'
        self.assertEqual(self.create_ticket(self.agent_a, priority='3').priority, '3')

    def test_policies_match_on_team_and_minimum_priority(self):
        urgent_team_b = self.env['cs.sla.policy'].create({
            'name': 'Urgent in team B', 'sequence': 1, 'team_ids': [(6, 0, [self.team_b.id])],
            'priority_min': '2', 'response_hours': 1, 'resolve_hours': 4})
        urgent = self.ticket_created_at(WED_0900_LOCAL, user=self.agent_b, priority='3')
        normal = self.ticket_created_at(WED_0900_LOCAL, user=self.agent_b, priority='1')
        other_team = self.ticket_created_at(WED_0900_LOCAL, priority='3')
        self.assertEqual(urgent.sla_policy_id, urgent_team_b)
        self.assertNotEqual(normal.sla_policy_id, urgent_team_b)
        self.assertNotEqual(other_team.sla_policy_id, urgent_team_b)
        # 1 h from Wed 09:00 local = Wed 10:00 local = Wed 02:00 UTC.
        self.assertEqual(urgent.response_deadline, '2026-11-25 02:00:00')

    def test_changing_the_type_rematches_the_policy(self):
        ticket = self.ticket_created_at(WED_0900_LOCAL, type_id=self.type_consult.id)
        ticket.write({'type_id': self.type_repair.id})
        self.assertEqual(ticket.sla_policy_id, self.env.ref('cs_helpdesk.sla_policy_repair'))

    def test_a_policy_without_working_hours_is_refused(self):
        empty = self.env['resource.calendar'].create({'name': 'Empty', 'attendance_ids': [(5, 0, 0)]})
        with self.assertRaises(ValidationError):
            self.env['cs.sla.policy'].create({'name': 'x', 'calendar_id': empty.id, 'response_hours': 1})


class TestSlaPause(SlaCase):
    """Time in a pausing stage (Waiting for Customer) does not count; the deadline moves."""

    def test_a_pause_across_midnight_moves_the_resolution_deadline(self):
        waiting = self.env.ref('cs_helpdesk.stage_waiting')
        in_progress = self.env.ref('cs_helpdesk.stage_in_progress')
        ticket = self.ticket_created_at(WED_0900_LOCAL, type_id=self.type_consult.id)
        ticket.write({'stage_id': waiting.id})
        self.assertTrue(ticket.sla_paused)
        self.assertFalse(ticket.sla_next_check, "a paused clock needs no check")
        ticket.write({'stage_id': in_progress.id})
        # Place the stays: New Wed 09:00-10:00 local, Waiting Wed 10:00 to Thu 10:00 local, then In Progress.
        logs = ticket.sudo().stage_log_ids.sorted('id')
        self.assertEqual(logs.mapped('stage_id.kind'), ['new', 'pending', 'open'])
        for log, start, end in zip(logs, ['2026-11-25 01:00:00', '2026-11-25 02:00:00', '2026-11-26 02:00:00'],
                                   ['2026-11-25 02:00:00', '2026-11-26 02:00:00', None]):
            log.write({'date_start': start, 'date_end': end})
        ticket.sudo().write({'date_first_response': '2026-11-25 02:00:00'})  # as the process stamps it
        ticket._sla_recompute('2026-11-26 03:00:00')
        # Resolution 16 h counts Wed 09:00-10:00 (1 h), then from Thu 10:00: 10:00-12:00 and 13:00-17:30
        # (6.5 h, 7.5 so far), Fri 8 h (15.5), Mon 30 08:30-09:00 (16) = Mon 09:00 local = Mon 01:00 UTC.
        # Without the pause it was Fri 27 01:00 UTC (see TestSlaDeadlines).
        self.assertEqual(ticket.resolve_deadline, '2026-11-30 01:00:00')
        self.assertFalse(ticket.sla_paused)


class TestSlaStatusAndEscalation(SlaCase):
    """Status from the clock, and the scheduled check escalating each breach once."""

    def test_a_target_becomes_at_risk_then_breached(self):
        ticket = self.ticket_created_at(WED_0900_LOCAL, type_id=self.type_consult.id)
        # At risk after 80 % of 8 h = 6.4 h: Wed 09:00-12:00 (3) + 13:00-16:24 (3.4) = Wed 16:24 local.
        self.assertEqual(ticket.sla_next_check, '2026-11-25 08:24:00')
        ticket._sla_recompute('2026-11-25 08:30:00')
        self.assertEqual(ticket.sla_status, 'at_risk')
        self.assertEqual(ticket.sla_next_check, '2026-11-26 01:00:00', "next: the response deadline")
        ticket._sla_recompute('2026-11-26 01:30:00')
        self.assertEqual(ticket.sla_status, 'breached')

    def test_a_late_complaint_is_escalated_once(self):
        ticket = self.ticket_created_at(WED_0900_LOCAL, type_id=self.type_complaint.id)
        self.assertEqual(ticket.user_id, self.agent_a)
        # Complaint first response 4 h: Wed 09:00-12:00 (3) + 13:00-14:00 (1) = Wed 14:00 local = 06:00 UTC.
        self.assertEqual(ticket.response_deadline, '2026-11-25 06:00:00')
        Ticket = self.env['cs.ticket']
        Ticket._cron_sla_check(now='2026-11-25 05:59:00')
        self.assertEqual(ticket.sla_status, 'at_risk')
        self.assertFalse(ticket.sla_response_escalated)
        Ticket._cron_sla_check(now='2026-11-25 07:00:00')
        self.assertEqual(ticket.sla_status, 'breached')
        self.assertTrue(ticket.sla_response_escalated)
        self.assertEqual(ticket.priority, '1', "the complaint policy raises the priority one level")
        self.assertEqual(ticket.user_id, self.leader_a, "and hands the order to the shift leader")
        self.assertEqual(ticket.owner_id, self.agent_a, "the first-contact owner stays")
        breach_notes = ticket.message_ids.filtered(lambda message: 'SLA' in (message.body or ''))
        self.assertEqual(len(breach_notes), 1)
        self.assertIn(self.leader_a.partner_id, breach_notes.partner_ids)
        self.assertIn(self.supervisor.partner_id, breach_notes.partner_ids)
        Ticket._cron_sla_check(now='2026-11-25 09:00:00')
        Ticket._cron_sla_check(now='2026-11-26 09:00:00')
        self.assertEqual(len(ticket.message_ids.filtered(lambda message: 'SLA' in (message.body or ''))), 1,
                         "a later check does not escalate the late response again")
        self.assertEqual(ticket.priority, '1')
        # Resolution 48 h: Wed 7.5 + Thu 8 + Fri 8 + Mon 8 + Tue 8 + Wed 8 = 47.5 h, then Thu 3 December
        # 08:30-09:00 local = 01:00 UTC. Late after that: escalated once more, for the resolution.
        self.assertEqual(ticket.resolve_deadline, '2026-12-03 01:00:00')
        Ticket._cron_sla_check(now='2026-12-03 02:00:00')
        Ticket._cron_sla_check(now='2026-12-04 02:00:00')
        self.assertEqual(len(ticket.message_ids.filtered(lambda message: 'SLA' in (message.body or ''))), 2)
        self.assertEqual(ticket.priority, '2')

    def test_the_check_only_touches_orders_whose_moment_has_come(self):
        later = self.ticket_created_at('2026-11-26 01:00:00', type_id=self.type_consult.id)
        self.env.cr.execute("UPDATE cs_ticket SET write_date = '2026-01-01 00:00:00' WHERE id = %s", (later.id,))
        later.invalidate_cache()
        self.env['cs.ticket']._cron_sla_check(now='2026-11-26 02:00:00')
        self.assertEqual(later.write_date, '2026-01-01 00:00:00')

    def test_closing_within_the_limit_is_recorded(self):
        closed = self.env.ref('cs_helpdesk.stage_closed')
        values = {'type_id': self.type_consult.id, 'resolution': '已答复'}
        in_time = self.ticket_created_at(WED_0900_LOCAL, **values)
        in_time.write({'stage_id': closed.id})
        self.env.cr.execute("UPDATE cs_ticket SET date_closed = '2026-11-26 01:00:00' WHERE id = %s", (in_time.id,))
        late = self.ticket_created_at(WED_0900_LOCAL, **values)
        late.write({'stage_id': closed.id})
        self.env.cr.execute("UPDATE cs_ticket SET date_closed = '2026-11-27 02:00:00' WHERE id = %s", (late.id,))
        (in_time | late).invalidate_cache()
        (in_time | late).sudo()._compute_closed_in_time()  # the recompute, not the agent's hand
        # The resolution deadline is Fri 27 01:00 UTC.
        self.assertTrue(in_time.closed_in_time)
        self.assertFalse(late.closed_in_time)

    def test_the_supervisor_counts_alerts_by_team(self):
        late_a = self.ticket_created_at('2026-11-20 01:00:00', type_id=self.type_consult.id)
        late_b = self.ticket_created_at('2026-11-20 01:00:00', user=self.agent_b, type_id=self.type_consult.id)
        (late_a | late_b)._sla_recompute('2026-11-25 01:00:00')
        action = self.env.ref('cs_helpdesk.cs_ticket_action_sla_alert')
        domain = eval(action.domain) + [('id', 'in', (late_a | late_b).ids)]
        groups = self.env['cs.ticket'].sudo(self.supervisor).read_group(domain, ['team_id'], ['team_id'])
        self.assertEqual({group['team_id'][0]: group['team_id_count'] for group in groups},
                         {self.team_a.id: 1, self.team_b.id: 1})
        self.assertFalse(self.env['cs.ticket'].sudo(self.agent_a).search(domain + [('team_id', '=', self.team_b.id)]))
