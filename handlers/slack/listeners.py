"""The Slack front end's wiring: every Bolt listener, each with its value read at the Slack
edge (`handlers.slack.edge.listener`) and guarded (`handlers.slack.guard.guard`). The one
place that knows which Slack callback, action or event reaches which handler."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.runtime import Services
from bot.views import adoption as adoption_ui
from bot.views import area_evaluations as evaluation_ui
from bot.views import decisions as decision_ui
from bot.views import guide_browse
from bot.views import guides as guide_views
from bot.views import home as home_ui
from bot.views import nudges as nudge_ui
from bot.views import sparring as sparring_ui
from bot.views import sparring_handling as sparring_handling_ui
from bot.views import spreading as spreading_ui
from bot.views import tool_tests as tests_ui
from bot.views import trainings as training_ui
from handlers import commands
from handlers.actions import adoption, area_evaluations, guides, nudges, tool_tests
from handlers.actions import home as home_actions
from handlers.actions import sparring as sparring_actions
from handlers.actions import spreading as spreading_actions
from handlers.actions import trainings as training_actions
from handlers.events import home as home_events
from handlers.events import mentions, messages
from handlers.shortcuts import save_result
from handlers.slack import edge, guard, home, middleware
from handlers.views import adoption as adoption_modal
from handlers.views import area_evaluations as evaluation_modal
from handlers.views import gdpr as gdpr_modal
from handlers.views import guide_editor, my_settings, settings
from handlers.views import sparring as sparring_modal
from handlers.views import spreading as spreading_modal
from handlers.views import tool_tests as test_views
from handlers.views import trainings as training_modal


def register(app: AsyncApp, services: Services) -> None:
    app.use(middleware.provide_services(services))

    refresh_home = home.refresh_after(services)

    def track(listener: guard.Listener) -> guard.Listener:
        """Commands, buttons, shortcuts: acked before anything else."""
        return guard.guard(services, edge.listener(listener), after=refresh_home)

    def track_form(listener: guard.Listener) -> guard.Listener:
        """View submissions: the listener acks, with field errors when there are any."""
        return guard.guard(services, edge.listener(listener), after=refresh_home, acks="own")

    def track_event(listener: guard.Listener) -> guard.Listener:
        """Events: Bolt has acked; a repeated delivery stops in the guard."""
        return guard.guard(services, edge.listener(listener), after=refresh_home, acks="auto")

    for name, on_command in commands.listeners().items():
        app.command(name)(track(on_command))
    app.view(settings.CALLBACK_ID)(track_form(settings.save_settings))
    app.view(guide_editor.CALLBACK_ID)(track_form(guide_editor.save_guide_form))
    app.view(sparring_modal.CALLBACK_ID)(track_form(sparring_modal.submit_question))
    app.view(sparring_modal.ANSWER_CALLBACK)(track_form(sparring_modal.submit_answer))
    app.view(test_views.START_CALLBACK)(track_form(test_views.submit_start))
    app.view(test_views.RESULT_CALLBACK)(track_form(test_views.submit_result))
    app.view(test_views.CLOSE_CALLBACK)(track_form(test_views.submit_close))
    app.shortcut(save_result.CALLBACK_ID)(track(save_result.save_as_result))
    app.view(my_settings.CALLBACK_ID)(track_form(my_settings.save_my_settings))
    app.view(nudge_ui.HAND_OVER_CALLBACK)(track_form(nudges.submit_hand_over))
    app.view(evaluation_modal.CALLBACK)(track_form(evaluation_modal.submit_evaluation))

    for action_id in nudge_ui.SNOOZE_ACTIONS:
        app.action(action_id)(track(nudges.snooze))
    app.action(nudge_ui.SHOW)(track(nudges.show))
    app.action(nudge_ui.STILL_RIGHT)(track(nudges.still_right))
    app.action(nudge_ui.HAND_OVER)(track(nudges.open_hand_over))
    app.action(evaluation_ui.OPEN)(track(area_evaluations.open_evaluation))

    app.action(tests_ui.START)(track(tool_tests.start))
    app.action(tests_ui.POST_RESULT)(track(tool_tests.post_result))
    app.action(tests_ui.CORRECT)(track(tool_tests.correct))
    app.action(tests_ui.CLOSE)(track(tool_tests.close))
    app.action(tests_ui.SUMMARY)(track(tool_tests.summary))
    app.action(tests_ui.OFFER_SAVE_ACTIONS)(track(tool_tests.offer_save))
    app.action(tests_ui.OFFER_OTHER)(track(tool_tests.offer_other))
    app.action(tests_ui.OFFER_DISMISS)(track(tool_tests.offer_dismiss))
    app.action(tests_ui.DELETE_RESULT)(track(tool_tests.delete_answer))
    app.action(tests_ui.KEEP_RESULT)(track(tool_tests.delete_answer))

    app.action(guide_views.SHOW)(track(guides.show_guide))
    app.action(guide_views.SHARE)(track(guides.share_guide))
    app.action(guide_views.HELPFUL)(track(guides.helpful))
    app.action(guide_views.SPARRING)(track(guides.ask_about_guide))
    app.action(guide_views.ASK_NETWORK)(track(guides.ask_network))
    app.action(guide_views.EDIT)(track(guides.edit_guide))
    app.action(guide_views.HISTORY)(track(guides.show_history))
    app.action(guide_views.MORE)(track(guides.more))
    app.action(guide_views.DECIDE)(track(guides.show_decisions))
    app.action(guide_views.SEARCH_NAME_ACTIONS)(track(guides.search_name))
    app.action(adoption_ui.STARTED)(track(adoption.set_state))
    app.action(adoption_ui.IN_USE)(track(adoption.set_state))
    app.action(adoption_ui.STOPPED)(track(adoption.open_stop))
    app.action(adoption_ui.OTHER)(track(adoption.open_other))
    app.view(adoption_modal.STOP_CALLBACK)(track_form(adoption_modal.submit_stop))
    app.view(adoption_modal.SET_CALLBACK)(track_form(adoption_modal.submit_set))
    for action_id in spreading_ui.DIRECT:
        app.action(action_id)(track(spreading_actions.answer))
    app.action(spreading_ui.NOT_FOR_US)(track(spreading_actions.open_not_for_us))
    app.view(spreading_modal.NOT_FOR_US_CALLBACK)(track_form(spreading_modal.submit_not_for_us))
    app.action(guide_browse.OPEN)(track(guides.open_browse))
    for action_id in (*guide_browse.FILTERS, guide_browse.SHOW_ALL):
        app.action(action_id)(track(guides.narrow_browse))
    app.action(sparring_handling_ui.ASK_ANYWAY)(track(sparring_actions.ask_anyway))
    app.action(sparring_ui.CLAIM)(track(sparring_actions.claim_question))
    app.action(sparring_ui.ANSWER)(track(sparring_actions.open_answer))
    app.action(sparring_ui.RESOLVE)(track(sparring_actions.resolve_question))
    app.action(sparring_ui.SAVE_FAQ)(track(sparring_actions.save_faq))
    app.action(training_ui.PLAN)(track(training_actions.plan_from_card))
    app.action(training_ui.PLAN_FOR)(track(training_actions.plan_for_superuser))
    app.action(training_ui.YES)(track(training_actions.sign_up))
    app.action(training_ui.NO)(track(training_actions.sign_up))
    app.action(training_ui.ATTENDANCE)(track(training_actions.open_attendance))
    app.action(training_ui.MOVE)(track(training_actions.open_move))
    app.action(training_ui.CANCEL)(track(training_actions.cancel))
    app.view(training_modal.PLAN_CALLBACK)(track_form(training_modal.submit_plan))
    app.view(training_modal.ATTENDANCE_CALLBACK)(track_form(training_modal.submit_attendance))
    # The App Home: published when opened; a leader's decisions and "ask" clicked on it.
    app.event("app_home_opened")(track_event(home_events.app_home_opened))
    for action_id in decision_ui.DECIDE.values():
        app.action(action_id)(track(home_actions.record_decision))
    app.action(home_ui.ASK)(track(home_actions.ask))
    # GDPR: the coordinator's confirmation of an erasure.
    app.view(gdpr_modal.ERASE_CALLBACK)(track_form(gdpr_modal.submit_erasure))
    app.event("app_mention")(track_event(mentions.app_mention))
    app.message()(track_event(messages.plain_message))
    # Edits, deletions, joins…: acknowledged so Slack does not retry them, otherwise ignored.
    app.event("message")(track_event(messages.other_message_event))

    app.error(guard.error_handler(services))
