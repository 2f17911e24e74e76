"""What each demo role may do, generated from the models, so that a new model, method or restricted field
cannot arrive without someone deciding who may use it.

cs_recruit sees the models of cs_helpdesk and cs_callcenter (its dependencies) and, in a database of the suite
(``make test``), those of cs_kpi. Three tables below, one line per model, method or decision:

- ACCESS: the access rights of every model the suite defines or extends, per role (r read, w write,
  c create, u unlink; '-' none). A model missing from the table fails the test, named.
- METHODS: every public method (an RPC endpoint) the suite defines on a ``cs.*`` model, or adds to one
  of Odoo's, with the roles it is meant for; every other role calling it over RPC must be refused (AccessError or UserError).
- Restricted fields (``groups=``) need no table: each is probed through search, read_group and order as
  every role outside its groups.
"""
import inspect

from odoo import models
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

from odoo.addons.cs_helpdesk.models.base import is_suite_field
from odoo.addons.cs_helpdesk.tests.common import rpc

SUITE = {'cs_helpdesk', 'cs_callcenter', 'cs_kpi', 'cs_recruit'}
ROLES = ('agent', 'agent2', 'leader', 'inspector', 'trainer', 'supervisor', 'director', 'recruiter')
DEMO_USERS = {role: 'cs_helpdesk.user_' + role for role in ROLES if role != 'recruiter'}
DEMO_USERS['recruiter'] = 'cs_recruit.user_recruiter'

# Shorthands for METHODS.
EVERYONE = set(ROLES)
NOBODY = set()
SERVICE = EVERYONE - {'recruiter'}               # every role of the centre
LEADERS = {'leader', 'supervisor', 'director'}    # leaders and above
SUPERVISORS = {'supervisor', 'director'}
INSPECTORS = {'inspector', 'supervisor', 'director'}  # quality inspectors and above
TRAINERS = {'trainer', 'director'}
RECRUITERS = {'recruiter'}

# r read, w write, c create, u unlink; '-' none.
ACCESS = {
    # model                          agent   agent2  leader  inspect trainer superv  direct  recruit
    'cs.agent.feedback':             ('r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'r'   , 'rwcu', '-'   ),
    'cs.agent.status':               ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', '-'   ),
    'cs.applicant.work.history':     ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'rwcu'),
    'cs.audition':                   ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'rwcu'),
    'cs.audition.criterion':         ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'r'   ),
    'cs.audition.line':              ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'rwcu'),
    'cs.call':                       ('rw'  , 'rw'  , 'rw'  , 'rw'  , 'rw'  , 'rw'  , 'rwu' , '-'   ),
    'cs.call.leg':                   ('-'   , '-'   , '-'   , '-'   , '-'   , 'r'   , 'r'   , '-'   ),
    'cs.call.queue':                 ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwc' , 'rwcu', '-'   ),
    'cs.callcenter.demo':            ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   ),
    'cs.campaign':                   ('r'   , 'r'   , 'rwcu', 'r'   , 'r'   , 'rwcu', 'rwcu', '-'   ),
    'cs.campaign.attempt':           ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , '-'   ),
    'cs.campaign.attempt.wizard':    ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'cs.campaign.contact':           ('r'   , 'r'   , 'rwcu', 'r'   , 'r'   , 'rwcu', 'rwcu', '-'   ),
    'cs.campaign.demo':              ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   ),
    'cs.campaign.refusal.reason':    ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'rwcu', '-'   ),
    'cs.campaign.report':            ('-'   , '-'   , 'r'   , '-'   , '-'   , 'r'   , 'r'   , '-'   ),
    'cs.campaign.script':            ('r'   , 'r'   , 'rwcu', 'r'   , 'r'   , 'rwcu', 'rwcu', '-'   ),
    'cs.cdr.import.error':           ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'cs.cdr.import.wizard':          ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'cs.cdr.importer':               ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   ),
    'cs.dnc':                        ('r'   , 'r'   , 'rwcu', 'r'   , 'r'   , 'rwcu', 'rwcu', '-'   ),
    'cs.demo.language':              ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   ),
    'cs.helpdesk.demo':              ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   ),
    'cs.interview':                  ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'rwcu'),
    'cs.kb.article':                 ('r'   , 'r'   , 'r'   , 'r'   , 'rwc' , 'r'   , 'rwcu', '-'   ),
    'cs.kb.category':                ('r'   , 'r'   , 'r'   , 'r'   , 'rwc' , 'r'   , 'rwcu', '-'   ),
    'cs.kpi.definition':             ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', '-'   ),
    'cs.kpi.definition.band':        ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', '-'   ),
    'cs.kpi.definition.level':       ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', '-'   ),
    'cs.outage.bulletin':            ('r'   , 'r'   , 'rwc' , 'r'   , 'r'   , 'rwc' , 'rwcu', '-'   ),
    'cs.pbx':                        ('-'   , '-'   , '-'   , '-'   , '-'   , 'r'   , 'rwcu', '-'   ),
    'cs.qa.calibration':             ('-'   , '-'   , '-'   , 'rwcu', '-'   , 'rwcu', 'rwcu', '-'   ),
    'cs.qa.coaching':                ('r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', 'rwcu', '-'   ),  # agents: notes about themselves
    'cs.qa.completion.report':       ('-'   , '-'   , '-'   , 'r'   , '-'   , 'r'   , 'r'   , '-'   ),
    'cs.qa.criterion':               ('r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', 'rwcu', '-'   ),
    'cs.qa.form':                    ('r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', 'rwcu', '-'   ),
    'cs.qa.plan':                    ('r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', 'rwcu', '-'   ),  # agents: their own
    'cs.qa.review':                  ('r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', 'rwcu', '-'   ),  # agents: their own
    'cs.qa.review.appeal':           ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'cs.qa.review.line':             ('r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', 'rwcu', '-'   ),  # agents: their own
    'cs.recruit.analysis':           ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'cs.recruit.channel':            ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwc' ),
    'cs.recruit.demo':               ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   ),
    'cs.recruit.funnel.report':      ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'r'   ),
    'cs.recruit.gate':               ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'r'   ),
    'cs.recruit.hire.report':        ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'r'   ),
    'cs.recruit.test':               ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'rwcu'),
    'cs.return.visit':               ('rwc' , 'rwc' , 'rwcu', 'rwc' , 'rwc' , 'rwcu', 'rwcu', '-'   ),
    'cs.return.visit.report':        ('-'   , '-'   , 'r'   , '-'   , '-'   , 'r'   , 'r'   , '-'   ),
    'cs.return.visit.rule':          ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'rwcu', 'r'   ),
    'cs.satisfaction.report':        ('-'   , '-'   , 'r'   , '-'   , '-'   , 'r'   , 'r'   , '-'   ),
    'cs.screening.override':         ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'cs.service':                    ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', '-'   ),
    'cs.sla.policy':                 ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'r'   ),
    'cs.survey.campaign':            ('r'   , 'r'   , 'rwcu', 'r'   , 'r'   , 'rwcu', 'rwcu', '-'   ),
    'cs.team':                       ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwc' , 'rwcu', 'r'   ),
    'cs.ticket':                     ('rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwcu', '-'   ),
    'cs.ticket.stage':               ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'r'   ),
    'cs.ticket.stage.log':           ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , '-'   ),
    'cs.ticket.type':                ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'r'   ),
    'cs.training.attendance':        ('r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', 'r'   ),
    'cs.training.course':            ('r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', '-'   ),
    'cs.training.demo':              ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   ),
    'cs.training.material':          ('r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', '-'   ),
    'cs.training.monthly.exam':      ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'cs.training.report':            ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , '-'   ),
    'cs.training.session':           ('r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'rwcu', '-'   ),
    'cs.training.topic':             ('r'   , 'r'   , 'r'   , 'r'   , 'rwcu', 'r'   , 'r'   , 'r'   ),
    'hr.applicant':                  ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'rwcu'),
    'hr.employee':                   ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'rwcu'),
    'hr.job':                        ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'rwcu'),
    'hr.recruitment.stage':          ('-'   , '-'   , '-'   , '-'   , '-'   , '-'   , '-'   , 'rwcu'),
    'ir.translation':                ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'res.company':                   ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   ),
    'res.config.settings':           ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),
    'mail.thread':                   ('rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu', 'rwcu'),  # abstract: each model's own rights apply
    'res.partner':                   ('rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwcu'),
    'res.users':                     ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   ),
    'survey.survey':                 ('r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   , 'r'   ),
    'survey.user_input':             ('rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' , 'rwc' ),
}

# model: {public method: roles it is meant for}. The others are refused when they call it over RPC.
METHODS = {
    'cs.agent.status': {'get_my_state': EVERYONE, 'set_my_state': SERVICE},
    'cs.audition': {'action_cancel': RECRUITERS, 'action_done': RECRUITERS, 'action_reset': RECRUITERS},
    'cs.call': {
        'action_create_ticket': SERVICE, 'action_open_tickets': SERVICE,
        'customer_number': EVERYONE, 'normalize_number': EVERYONE,  # pure helpers, read nothing
        'process_cti_event': NOBODY,  # the CTI controller's, as the superuser once the token is checked
        'action_qa_review': INSPECTORS,
    },
    'cs.campaign': {'action_done': LEADERS, 'action_draft': LEADERS, 'action_generate_contacts': LEADERS,
                    'action_start': LEADERS, 'action_open_contacts': EVERYONE,  # opens a window
                    'action_print_summary': SERVICE},  # on a campaign the user reads
    'cs.campaign.attempt.wizard': {'action_confirm': SERVICE},
    'cs.campaign.contact': {'action_log_attempt': SERVICE, 'action_next_contact': SERVICE},
    'cs.cdr.import.wizard': {'action_create_queues': SUPERVISORS, 'action_import': SUPERVISORS,
                             'action_open_calls': EVERYONE},
    'cs.cdr.importer': {'import_text': SUPERVISORS},
    'cs.interview': {'action_cancel': RECRUITERS, 'action_done': RECRUITERS, 'action_make_offer': RECRUITERS,
                     'action_no_show': RECRUITERS},
    'cs.kb.article': {'action_apply_to_ticket': SERVICE, 'action_archive': TRAINERS, 'action_publish': TRAINERS,
                      'action_reset_to_draft': TRAINERS},
    'cs.kb.category': {'action_view_articles': EVERYONE},
    'cs.kpi.definition': {'complaint_points': SERVICE, 'score': SERVICE},  # scoring by a definition one reads
    'cs.outage.bulletin': {'action_activate': LEADERS, 'action_cancel': LEADERS, 'action_link_open_tickets': LEADERS,
                           'action_resolve': LEADERS, 'action_view_tickets': EVERYONE},
    'cs.qa.plan': {'action_my_sample': INSPECTORS, 'generate': INSPECTORS},
    'cs.qa.review': {'action_done': INSPECTORS, 'action_final': INSPECTORS,
                     'action_acknowledge': SERVICE, 'action_appeal': SERVICE},  # only the reviewed agent, checked
    'cs.qa.review.appeal': {'action_confirm': SERVICE},  # the review's action_appeal checks the agent
    'cs.recruit.analysis': {'action_export_xlsx': RECRUITERS, 'cs_figures': RECRUITERS},
    'cs.recruit.channel': {'cs_channel_figures': RECRUITERS},
    'cs.recruit.test': {'action_send': RECRUITERS, 'action_start': RECRUITERS, 'action_view_answers': RECRUITERS},
    'cs.return.visit': {'action_cancel': SERVICE, 'action_not_reached': SERVICE, 'action_reached': SERVICE,
                        'action_refused': SERVICE, 'action_reset': SERVICE, 'action_start_questionnaire': SERVICE},
    'cs.screening.override': {'action_confirm': RECRUITERS},
    'cs.survey.campaign': {'action_done': LEADERS, 'action_open_visits': EVERYONE, 'action_plan_visits': LEADERS},
    'cs.team': {'action_open_tickets': EVERYONE, 'get_alias_model_name': EVERYONE, 'get_alias_values': EVERYONE},
    'cs.ticket': {
        'action_assign_to_me': SERVICE, 'action_link_outage': SERVICE, 'action_open_visits': SERVICE,
        'action_record_agent_feedback': SERVICE, 'action_search_knowledge_base': SERVICE,
        'action_view_kb_articles': SERVICE, 'apply_kb_articles': SERVICE,
        'message_get_suggested_recipients': SERVICE, 'message_post': SERVICE,
        'message_new': NOBODY,  # the mail gateway's hook
    },
    'cs.training.attendance': {'action_take_exam': SERVICE, 'action_take_satisfaction': SERVICE},
    'cs.training.course': {'action_view_results': EVERYONE, 'action_view_sessions': EVERYONE},
    'cs.training.monthly.exam': {'action_create': TRAINERS},
    'cs.training.session': {'action_cancel': TRAINERS, 'action_collect_exams': TRAINERS, 'action_done': TRAINERS,
                            'action_draft': TRAINERS, 'action_evaluate': TRAINERS, 'action_schedule': TRAINERS,
                            'action_start': TRAINERS},
    # Odoo's models, the methods the suite adds or overrides there.
    'hr.applicant': {
        'action_cs_open_auditions': EVERYONE, 'action_cs_open_interviews': EVERYONE,  # open a window
        'action_cs_open_screening_override': EVERYONE, 'action_cs_open_tests': EVERYONE,
        'action_cs_accept_offer': RECRUITERS, 'action_cs_decline_offer': RECRUITERS,
        'action_cs_override_screening': RECRUITERS, 'action_cs_screen': RECRUITERS,
        'action_cs_send_offer': RECRUITERS, 'create_employee_from_applicant': RECRUITERS,
        'cs_passed_gates': RECRUITERS,
    },
    'hr.employee': {'action_cs_view_training': EVERYONE, 'cs_enroll_onboarding': TRAINERS | RECRUITERS},
    'hr.job': {'cs_check_candidate': RECRUITERS, 'cs_requirements': RECRUITERS, 'cs_screen_candidate': RECRUITERS},
    'ir.translation': {'load_module_terms': NOBODY},  # administrators and module installation only
    'res.partner': {
        'action_cs_open_calls': EVERYONE, 'action_open_cs_complaints': EVERYONE, 'action_open_cs_tickets': EVERYONE,
        'action_open_cs_visits': EVERYONE,  # open a window on what the user may read
        'cs_find_by_number': EVERYONE,  # a search under the user's rights
    },
}

# Values of a record to call record methods on, for the models the demo data leaves empty (created as the
# superuser: a wizard another user opened).
SAMPLES = {
    'cs.survey.campaign': lambda env: {
        'name': 'probe', 'survey_id': env['survey.survey'].search([], limit=1).id,
        'team_id': env['cs.team'].search([], limit=1).id},
    'cs.cdr.import.wizard': lambda env: {'file': 'Y2FsbGVy'},
    'cs.qa.review.appeal': lambda env: {'review_id': env['cs.qa.review'].search([], limit=1).id, 'reason': 'probe'},
    'cs.screening.override': lambda env: {
        'applicant_ids': [(6, 0, env['hr.applicant'].search([], limit=1).ids)], 'reason': 'probe'},
    'cs.training.monthly.exam': lambda env: {
        'course_id': env['cs.training.course'].search([], limit=1).id,
        'team_ids': [(6, 0, env['cs.team'].search([], limit=1).ids)]},
}


def _model_classes(env, model_name):
    return type(env[model_name]).mro()


def suite_models(env):
    """The models a suite addon defines or extends (``_inherit = 'base'``, which extends them all, aside)."""
    names = set()
    for model_name in env.registry:
        if model_name == 'base':
            continue
        for cls in _model_classes(env, model_name):
            if getattr(cls, '_module', None) not in SUITE:
                continue
            declared = cls.__dict__.get('_inherit') or []
            declared = [declared] if isinstance(declared, str) else list(declared)
            if model_name == cls.__dict__.get('_name') or (not cls.__dict__.get('_name') and model_name in declared):
                names.add(model_name)
                break
    return names


def suite_public_methods(env, model_name):
    """{name: function} of the public methods a suite addon defines on ``model_name`` (ORM methods that the
    suite overrides, such as ``create`` or ``name_get``, are Odoo's API and guarded by the access rights)."""
    methods = {}
    orm = set(dir(models.BaseModel))
    for cls in reversed(_model_classes(env, model_name)):
        if getattr(cls, '_module', None) not in SUITE:
            continue
        for name, value in vars(cls).items():
            if name.startswith('_') or name in orm or not inspect.isfunction(value):
                continue
            methods[name] = value
    return methods


def refusal_arguments(function):
    """Placeholders for the required arguments of ``function``: a refused caller never gets to use them."""
    parameters = list(inspect.signature(function).parameters.values())[1:]
    return [None for parameter in parameters
            if parameter.default is inspect.Parameter.empty
            and parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)]


class TestSecuritySurface(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestSecuritySurface, cls).setUpClass()
        cls.users = {role: cls.env.ref(xmlid, raise_if_not_found=False) for role, xmlid in DEMO_USERS.items()}
        if not all(cls.users.values()):
            return
        cls.models = suite_models(cls.env)

    def setUp(self):
        super(TestSecuritySurface, self).setUp()
        if not all(self.users.values()):
            self.skipTest('database installed without demo data (the demo users are the roles)')

    def test_access_rights_of_every_model_and_role(self):
        problems = []
        missing = sorted(self.models - set(ACCESS))
        if missing:
            problems.append("models missing from ACCESS: %s" % ', '.join(missing))
        stale = sorted(set(ACCESS) - self.models)
        if stale:
            problems.append("models in ACCESS that the suite no longer has: %s" % ', '.join(stale))
        for model_name in sorted(self.models & set(ACCESS)):
            for role, expected in zip(ROLES, ACCESS[model_name]):
                Model = self.env[model_name].sudo(self.users[role])
                actual = ''.join(letter for letter, operation in (
                    ('r', 'read'), ('w', 'write'), ('c', 'create'), ('u', 'unlink'))
                    if Model.check_access_rights(operation, raise_exception=False)) or '-'
                if actual != expected:
                    problems.append("%s as %s: table says %r, rights give %r" % (model_name, role, expected, actual))
        self.assertFalse(problems, '\n'.join(problems))

    def test_every_public_method_is_meant_for_its_callers_or_refused(self):
        problems = []
        for model_name in sorted(self.models):
            public = suite_public_methods(self.env, model_name)
            table = METHODS.get(model_name, {})
            missing = sorted(set(public) - set(table))
            if missing:
                problems.append("%s: methods missing from METHODS: %s" % (model_name, ', '.join(missing)))
            stale = sorted(set(table) - set(public))
            if stale:
                problems.append("%s: methods in METHODS that are no longer public: %s" % (
                    model_name, ', '.join(stale)))
            sample = self._sample(model_name)
            for method_name in sorted(set(public) & set(table)):
                function = public[method_name]
                arguments = refusal_arguments(function)
                if getattr(function, '_api', None) != 'model':
                    arguments = [sample.ids] + arguments
                for role in sorted(EVERYONE - table[method_name]):
                    outcome = self._call(role, model_name, method_name, arguments)
                    if outcome:
                        problems.append("%s.%s as %s: not refused (%s)" % (model_name, method_name, role, outcome))
        self.assertFalse(problems, '\n'.join(problems))

    def _sample(self, model_name):
        """A record to call record methods on: the first one, or for a wizard one that another user opened."""
        Model = self.env[model_name].sudo()
        if Model._abstract:
            return Model.browse()
        sample = Model.search([], limit=1)
        if not sample and model_name in SAMPLES:
            sample = Model.create(SAMPLES[model_name](self.env))
        elif not sample and Model._transient:
            try:
                with mute_logger('odoo.sql_db'), self.env.cr.savepoint():
                    sample = Model.create({})
            except Exception:  # a wizard line without its wizard: probed on no record
                sample = Model.browse()
        return sample

    def _call(self, role, model_name, method_name, arguments):
        """None when the call is refused, else what happened instead."""
        try:
            with self.env.cr.savepoint():
                result = rpc(self.env, self.users[role], model_name, method_name, *arguments)
        except (AccessError, UserError):
            return None
        except Exception as error:  # anything else means it ran into the arguments instead of refusing
            return '%s: %s' % (type(error).__name__, error)
        finally:
            self.env['res.users'].invalidate_cache()
        return 'returned %r' % (result,)

    def test_restricted_fields_are_refused_by_search_group_and_order(self):
        problems = []
        for model_name in sorted(self.models):
            Model = self.env[model_name]
            if Model._abstract:
                continue
            for field in Model._fields.values():
                if not (field.groups and is_suite_field(field)):
                    continue
                for role in ROLES:
                    user = self.users[role]
                    if Model.sudo(user).user_has_groups(field.groups):
                        continue
                    if not Model.sudo(user).check_access_rights('read', raise_exception=False):
                        continue
                    probes = [('search', [[(field.name, '!=', False)]], {}),
                              ('search', [[]], {'order': field.name})]
                    if field.store and field.column_type:
                        probes.append(('read_group', [[], [field.name], [field.name]], {}))
                    for method_name, args, kwargs in probes:
                        try:
                            with self.env.cr.savepoint():
                                rpc(self.env, user, model_name, method_name, *args, **kwargs)
                        except AccessError:
                            continue
                        problems.append("%s.%s (groups %s) reached by %s as %s" % (
                            model_name, field.name, field.groups, method_name, role))
        self.assertFalse(problems, '\n'.join(problems))
