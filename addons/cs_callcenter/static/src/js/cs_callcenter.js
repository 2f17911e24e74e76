odoo.define('cs_callcenter.agent_status_menu', function (require) {
"use strict";
/**
 * The call-centre corner of the navbar: the agent's status (示闲/示忙 …), which they change here, and the
 * screen pop (弹屏) that opens when the telephone system rings their extension. Ring notifications come
 * through the bus on the user's own partner channel (see cs.call._send_screen_pop).
 */
var bus = require('bus.bus').bus;
var core = require('web.core');
var Dialog = require('web.Dialog');
var session = require('web.session');
var SystrayMenu = require('web.SystrayMenu');
var Widget = require('web.Widget');

var QWeb = core.qweb;
var _t = core._t;

var AgentStatusMenu = Widget.extend({
    template: 'cs_callcenter.AgentStatusMenu',
    events: {
        'click .o_cs_agent_state_choice': '_onClickState',
    },

    start: function () {
        var self = this;
        var started = this._super.apply(this, arguments);
        return $.when(started, session.user_has_group('cs_helpdesk.group_cs_agent')).then(function (ignored, isAgent) {
            if (!isAgent) {
                self.$el.addClass('hidden');
                return;
            }
            bus.on('notification', self, self._onNotification);
            return self._refresh();
        });
    },

    _refresh: function () {
        var self = this;
        // The user's context carries the language: the state labels come back translated.
        return this._rpc({model: 'cs.agent.status', method: 'get_my_state', args: [],
                          context: session.user_context}).then(function (info) {
            self._renderState(info);
        });
    },

    _renderState: function (info) {
        this.$el.attr('data-state', info.state);
        this.$('.o_cs_agent_state_label').text(info.label);
        var $choices = this.$('.o_cs_agent_state_choices').empty();
        _.each(info.choices, function (choice) {
            $('<li>').append(
                $('<a href="#" class="o_cs_agent_state_choice"/>').attr('data-state', choice[0]).text(choice[1])
            ).appendTo($choices);
        });
    },

    _onClickState: function (event) {
        event.preventDefault();
        var self = this;
        this._rpc({
            model: 'cs.agent.status',
            method: 'set_my_state',
            args: [$(event.currentTarget).data('state')],
            context: session.user_context,
        }).then(function (info) {
            self._renderState(info);
        });
    },

    _onNotification: function (notifications) {
        var self = this;
        _.each(notifications, function (notification) {
            var channel = notification[0];
            var message = notification[1];
            if (channel[1] === 'res.partner' && message && message.type === 'cs_screen_pop') {
                self._screenPop(message);
            }
        });
    },

    _openForm: function (model, resId, context) {
        this.do_action({
            type: 'ir.actions.act_window',
            res_model: model,
            res_id: resId || false,
            views: [[false, 'form']],
            target: 'current',
            context: context || {},
        });
    },

    _screenPop: function (pop) {
        var self = this;
        var ticketContext = {
            default_partner_id: pop.partner_id || false,
            default_phone: pop.number,
            default_channel: 'phone',
            default_cs_call_ids: [[6, 0, [pop.call_id]]],
        };
        var $content = $(QWeb.render('cs_callcenter.ScreenPop', {pop: pop}));
        $content.on('click', '.o_cs_pop_ticket', function (event) {
            event.preventDefault();
            dialog.close();
            self._openForm('cs.ticket', $(event.currentTarget).data('id'));
        });
        var buttons = [];
        if (pop.partner_id) {
            buttons.push({text: _t('Open Customer File'), classes: 'btn-primary o_cs_pop_open_partner', close: true,
                          click: function () { self._openForm('res.partner', pop.partner_id); }});
        } else {
            buttons.push({text: _t('Create Customer'), classes: 'btn-primary o_cs_pop_create_partner', close: true,
                          click: function () {
                              self._openForm('res.partner', false, {default_mobile: pop.number, default_customer: true});
                          }});
        }
        buttons.push({text: _t('New Work Order'), classes: 'o_cs_pop_create_ticket', close: true,
                      click: function () { self._openForm('cs.ticket', false, ticketContext); }});
        buttons.push({text: _t('Close'), close: true});
        var dialog = new Dialog(this, {
            title: _.str.sprintf(_t('Incoming call from %s'), pop.number || _t('an unknown number')),
            $content: $content,
            buttons: buttons,
            size: 'medium',
        });
        dialog.open();
        this.do_notify(_t('Incoming call'), (pop.partner_name || pop.number || '') + (pop.queue ? ' · ' + pop.queue : ''));
    },
});

SystrayMenu.Items.push(AgentStatusMenu);

return AgentStatusMenu;
});
