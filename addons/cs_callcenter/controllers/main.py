"""The CTI webhook ``POST /cs/cti/event`` (C2): plain JSON in, plain JSON out.

Odoo 11 turns every ``application/json`` request into JSON-RPC whatever the route says, which a PBX does
not speak; ``_get_request`` below keeps the CTI path a plain HTTP request. It is installed when this module
is imported, which Odoo's HTTP layer does for every addon with a static folder before the first request.
"""
import json
import logging

import odoo
from odoo import SUPERUSER_ID, api, http
from odoo.http import request

from ..services.cti_event import CtiError

_logger = logging.getLogger(__name__)

CTI_PATH = '/cs/cti/event'
TOKEN_HEADER = 'X-CS-Token'


def install_plain_json_route():
    """Wrap ``odoo.http.Root.get_request`` so that the CTI path is answered as plain HTTP (idempotent)."""
    root_class = odoo.http.Root
    if getattr(root_class.get_request, 'cs_plain_json', False):
        return
    original = root_class.get_request

    def get_request(self, httprequest):
        if httprequest.path == CTI_PATH:
            return odoo.http.HttpRequest(httprequest)
        return original(self, httprequest)
    get_request.cs_plain_json = True
    root_class.get_request = get_request


install_plain_json_route()


def _json_response(payload, status):
    return http.Response(json.dumps(payload), status=status, content_type='application/json')


class CtiController(http.Controller):

    @http.route(CTI_PATH, type='http', auth='none', methods=['POST'], csrf=False)
    def cti_event(self, **_query):
        """Apply one CTI event; 401 on a missing or wrong token, 400 on a bad body, 200 otherwise."""
        if not request.db:
            return _json_response({'ok': False, 'error': 'no database selected'}, 400)
        env = api.Environment(request.cr, SUPERUSER_ID, {})
        pbx = env['cs.pbx']._authenticate(request.httprequest.headers.get(TOKEN_HEADER))
        if not pbx:
            return _json_response({'ok': False, 'error': 'missing or invalid %s' % TOKEN_HEADER}, 401)
        try:
            body = json.loads(request.httprequest.get_data().decode('utf-8'))
        except (ValueError, UnicodeDecodeError) as error:
            return _json_response({'ok': False, 'error': 'the body is not valid JSON: %s' % error}, 400)
        try:
            with env.cr.savepoint():
                call = env['cs.call'].process_cti_event(pbx, body)
        except CtiError as error:
            return _json_response({'ok': False, 'error': str(error)}, 400)
        return _json_response({'ok': True, 'call_id': call.call_uid}, 200)
