"""``VoiceSimulator``: a stateful, in-process stand-in for the Voice API.

Standard library only. It serves HTTP/1.1 with keep-alive on loopback from a
background thread, answers every Voice operation (calls, conferences,
recordings, transcriptions, statistics) the way the spec documents them,
lets the test drive (or auto-run) each call's lifecycle on a clock the test
controls, injects faults and records every request.

This module is the public face; the parts live in modules named for what
they hold: ``_http`` (the HTTP server), ``_rest`` (auth, faults, recording,
dispatch), ``_routes`` (one module of operations per resource, and the
control routes), ``_control`` (their JSON and a client for them), ``_paths``
(the table of operations), ``_auth`` (users, OAuth clients, tokens),
``_store`` (calls and their lifecycle) with ``_conferences``,
``_recordings``, ``_transcriptions`` and ``_callees`` beside it,
``_seeding`` and ``_far_ends`` (the test API for those), ``_media_api``
(the far end's speech, the streams' sockets), ``_driving`` (for loops that
drive calls: the next step due, a gather waiting), ``_calls`` (a call's
record and wire form), ``_audio``, ``_clock``, ``_faults`` and ``_validate``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, TypeVar, Union
from urllib.parse import quote

from bandwidth.exceptions import OpenApiException
from bandwidth.testing.core.access_controls import AccessControls, check_lifetime
from bandwidth.testing.core.clock import ManualClock
from bandwidth.testing.core.credentials import Credentials, check_name
from bandwidth.testing.core.fault_controls import FaultsAndRequests
from bandwidth.testing.core.faults import OPERATIONS
from bandwidth.testing.core.http_server import HttpServer
from bandwidth.testing.core.in_process_apps import transport_for
from bandwidth.testing.core.rest_service import BASE_PATH, RecordedRequest, RestApi
from bandwidth.testing.core.start_listeners import STARTED_LISTENERS
from bandwidth.testing.core.webhooks import HttpTransport, Webhook
from bandwidth.testing.voice.call_store import CallStore
from bandwidth.testing.voice.calls import (
    ANSWERED,
    DISCONNECTED,
    INITIATED,
    QUEUED,
    AutoProgress,
    SimulatedCall,
)
from bandwidth.testing.voice.far_end_controls import FarEnds
from bandwidth.testing.voice.flow_driving import Driving
from bandwidth.testing.voice.flow_engine import FlowEngine
from bandwidth.testing.voice.interpreter import Timing
from bandwidth.testing.voice.media_controls import MediaControls
from bandwidth.testing.voice.operations import TOKEN_PATH
from bandwidth.testing.voice.request_checks import CREATE_CALL_FIELDS, Invalid, check_create_call
from bandwidth.testing.voice.resource_controls import VoiceResources, camel

if TYPE_CHECKING:
    from bandwidth.configuration import Configuration

__all__ = [
    "OPERATIONS",
    "STARTED_LISTENERS",
    "RecordedRequest",
    "VoiceSimulator",
    "WebhookAppError",
]

Clock = Callable[[], datetime]
_T = TypeVar("_T")
_DTMF = re.compile(r"[0-9*#A-Da-d]+")


class WebhookAppError(OpenApiException, RuntimeError):
    """An in-process app raised while handling a webhook; the app's exception is the cause."""


class VoiceSimulator(
    VoiceResources, MediaControls, FarEnds, AccessControls, FaultsAndRequests, Driving
):
    """A local Voice API for tests and benchmarks.

    Use it as a context manager (``with VoiceSimulator() as sim:``) or call
    :meth:`start` / :meth:`stop`.

    **Who may call it.** HTTP Basic ``username:password`` (and users added
    with :meth:`add_user`); ``Bearer <access_token>`` when ``access_token``
    is set; and OAuth 2 client credentials: ``client_id``/``client_secret``
    (and clients added with :meth:`add_client`) get tokens at
    :attr:`token_url`, valid ``token_lifetime`` seconds on the simulator's
    clock. A user or client added with ``voice=False`` gets 403 on every
    operation, and so does a request for another account than ``account_id``.
    :meth:`configuration` hands out a client configured either way.

    ``clock`` is a :class:`ManualClock` (the default: time stands still until
    :meth:`advance`) or any callable returning an aware ``datetime``.
    ``auto_progress`` is ``False`` (the test moves calls with :meth:`answer`,
    :meth:`hangup`, ...), ``True`` (default :class:`AutoProgress`) or an
    :class:`AutoProgress`. Set ``record_requests=False`` for long benchmarks.
    ``idle_timeout`` bounds every socket wait in seconds: a connection idle
    that long is closed, and a request stalled that long gets a 408.

    **Call flows.** With ``app`` (a WSGI or ASGI callable: Flask, Django,
    FastAPI, Starlette, ...) the simulator delivers every webhook to it
    in-process and runs the BXML it answers with: ``answer`` and
    ``inbound_call`` start a flow, :meth:`press` sends digits,
    :meth:`advance` runs it on the clock. Without ``app``, the webhooks go
    over real HTTP to the URLs the calls give (your app running as a
    server, on loopback or anywhere), honouring ``callbackTimeout``.
    ``deliver_webhooks=False`` sends none and runs no BXML: the REST API
    alone, for tests whose calls carry made-up URLs. ``timing`` sets
    how long verbs take; an exception the app raises is re-raised by the
    simulator method that delivered the webhook as :class:`WebhookAppError`
    unless ``raise_app_errors=False`` (the call then ends with
    ``callback-error``, as when a real app answers 500).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        account_id: str = "9900000",
        username: str = "username",
        password: str = "password",
        access_token: Optional[str] = None,
        clock: Optional[Union[ManualClock, Clock]] = None,
        auto_progress: Union[bool, AutoProgress, None] = False,
        *,
        record_requests: bool = True,
        idle_timeout: float = 60.0,
        app: Optional[Callable[..., Any]] = None,
        deliver_webhooks: Optional[bool] = None,
        timing: Optional[Timing] = None,
        raise_app_errors: bool = True,
        client_id: str = "client-id",
        client_secret: str = "client-secret",
        token_lifetime: float = 3600.0,
    ) -> None:
        if isinstance(idle_timeout, bool) or not (
            isinstance(idle_timeout, (int, float)) and idle_timeout > 0
        ):
            raise ValueError("idle_timeout must be a positive number of seconds")
        check_name(username, "user name")
        check_name(client_id, "client id")
        self.host = host
        self.username = username
        self.password = password
        self.access_token = access_token
        #: The OAuth client whose tokens the token endpoint issues (besides added clients).
        self.client_id = client_id
        self.client_secret = client_secret
        self.clock: Union[ManualClock, Clock] = ManualClock() if clock is None else clock
        self._now: Clock = self.clock.now if isinstance(self.clock, ManualClock) else self.clock
        if auto_progress is True:
            auto_progress = AutoProgress()
        self.record_requests = record_requests
        #: The bound port (known after :meth:`start`; the requested one before).
        self.port: int = port

        if app is not None and deliver_webhooks is False:
            raise ValueError("an app receives webhooks: deliver_webhooks=False contradicts app=")
        self.app = app
        self.raise_app_errors = raise_app_errors
        transport: Any = None
        if app is not None:
            transport = transport_for(app)
        elif deliver_webhooks is not False:  # None (the default) or True
            transport = HttpTransport()
        self._transport = transport
        self._store = CallStore(account_id, auto_progress or None)
        self._lock = self._store.lock
        self._engine = FlowEngine(
            self._store, self.now, self.call_url, transport, timing or Timing()
        )
        self._credentials = Credentials(check_lifetime(token_lifetime))
        self._rest = RestApi(self, self._store, self._engine, self._credentials)
        self._http = HttpServer(self._rest, host, port, float(idle_timeout))
        self._url = ""
        self._advertised: Optional[str] = None
        self._calls_prefix = ""

    @property
    def max_call_queue_size(self) -> int:
        """What ``get_statistics`` reports as ``maxCallQueueSize`` (default 900; not enforced)."""
        return self._store.max_call_queue_size

    @max_call_queue_size.setter
    def max_call_queue_size(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("max_call_queue_size must be a non-negative integer")
        self._store.max_call_queue_size = value

    @property
    def account_id(self) -> str:
        """The one account this simulator serves (others get 403)."""
        return self._store.account_id

    @account_id.setter
    def account_id(self, value: str) -> None:
        self._store.account_id = value
        if self._url:
            self._set_calls_prefix()

    @property
    def auto_progress(self) -> Optional[AutoProgress]:
        """How calls move on their own (``None``: only when the test moves them)."""
        return self._store.auto_progress

    @auto_progress.setter
    def auto_progress(self, value: Optional[AutoProgress]) -> None:
        self._store.auto_progress = value

    # -- lifecycle of the server -----------------------------------------------------------

    def start(self) -> VoiceSimulator:
        """Bind the socket and start serving in a daemon thread; returns ``self``.

        An ASGI ``app`` gets its event loop and its lifespan startup here.
        """
        port = self._http.start()
        netloc = f"[{self.host}]" if ":" in self.host else self.host
        self.port = port
        self._url = f"http://{netloc}:{port}{BASE_PATH}"
        self._set_calls_prefix()
        starting = getattr(self._transport, "start", None)
        if starting is not None:
            try:
                starting()
            except BaseException:
                self._http.stop()
                raise
        for listener in list(STARTED_LISTENERS):
            listener(self)
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection; safe to call twice."""
        self._http.stop()
        stopping = getattr(self._transport, "stop", None)
        if stopping is not None:
            stopping()

    def __enter__(self) -> VoiceSimulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the simulator is serving."""
        return self._http.running

    @property
    def url(self) -> str:
        """Base URL including the API base path, e.g. ``http://127.0.0.1:54321/api/v2``."""
        if not self._url:
            raise RuntimeError("the simulator has not been started")
        return self._url

    @property
    def advertised_url(self) -> str:
        """The base URL put in ``Location``, ``callUrl`` and ``Link`` (default: :attr:`url`).

        Set it when clients reach the simulator through a proxy (Prism, say),
        so the links they follow go through the proxy too. ``None`` resets it.
        """
        return self._advertised or self.url

    @advertised_url.setter
    def advertised_url(self, value: Optional[str]) -> None:
        self._advertised = value.rstrip("/") if value else None
        self._set_calls_prefix()

    def _set_calls_prefix(self) -> None:
        base = self._advertised or self._url
        self._calls_prefix = f"{base}/accounts/{quote(self.account_id, safe='')}/calls"

    @property
    def calls_url(self) -> str:
        """The URL of the account's calls (``create_call``, ``list_calls`` and ``Link``)."""
        if not self._url:
            raise RuntimeError("the simulator has not been started")
        return self._calls_prefix

    def call_url(self, call_id: str) -> str:
        """The URL of one call, as the ``Location`` header and ``callUrl`` give it."""
        return f"{self.calls_url}/{quote(call_id, safe='')}"

    @property
    def token_url(self) -> str:
        """The OAuth 2 token endpoint, e.g. ``http://127.0.0.1:54321/api/v1/oauth2/token``."""
        base = self.url
        return base[: -len(BASE_PATH)] + TOKEN_PATH

    def configuration(
        self,
        *,
        user: Optional[str] = None,
        client: Optional[str] = None,
        oauth: bool = False,
        **overrides: Any,
    ) -> Configuration:
        """A ``bandwidth.Configuration`` pointing at this simulator, with credentials.

        By default the simulator's own user (Basic). ``user=`` names one
        added with :meth:`add_user`; ``oauth=True`` configures OAuth client
        credentials instead (``client_id``, ``client_secret`` and
        ``access_token_url`` set to :attr:`token_url`), for the simulator's
        own client or, with ``client=``, one added with :meth:`add_client`.
        Any other keyword goes to ``Configuration`` as it is.
        """
        from bandwidth import Configuration

        options: Dict[str, Any]
        if oauth or client is not None:
            if user is not None:
                raise ValueError("choose user= (Basic) or client=/oauth=True (OAuth), not both")
            client_id = self.client_id if client is None else client
            secret = self._secret_of(client_id)
            options = {
                "client_id": client_id,
                "client_secret": secret,
                "access_token_url": self.token_url,
            }
        elif user is not None:
            options = {"username": user, "password": self._password_of(user)}
        else:
            options = {"username": self.username, "password": self.password}
        options.update(overrides)
        return Configuration(host=self.url, **options)

    # -- clock and call lifecycle ----------------------------------------------------------

    def now(self) -> datetime:
        """The simulator's current time."""
        return self._now()

    def advance(self, seconds: float) -> datetime:
        """Move the :class:`ManualClock` forward, running everything that falls due, in order.

        Each step (a lifecycle step, a verb ending, a timeout, a digit, a
        webhook) runs with the clock at its own time, so an app that reads
        the time or calls the API from a webhook sees the moment it belongs
        to. Returns the new time.
        """
        clock = self.clock
        if not isinstance(clock, ManualClock):
            raise TypeError("advance() needs the simulator to run on a ManualClock")
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._not_inside_webhook("advance")
        engine = self._engine
        engine.run()
        target = clock.now() + timedelta(seconds=seconds)
        while True:
            with self._lock:
                due = self._store.timers.next_due()
            if due is None or due > target:
                break
            clock.advance_to(due)
            engine.run()
            with self._lock:
                stuck = self._store.timers.next_due() == due and due <= clock.now()
            if stuck:  # pragma: no cover - only if another thread holds the work
                break
        clock.advance_to(target)
        engine.run()
        self._raise_app_error()
        return target

    def _not_inside_webhook(self, name: str) -> None:
        if self._engine.inside_run():
            raise RuntimeError(
                f"{name}() cannot be called from inside a webhook the simulator is delivering"
            )

    def _act(self, change: Callable[[datetime], _T]) -> _T:
        """Catch up, make one change under the lock, then run what it set off."""
        engine = self._engine
        engine.run()
        with self._lock:
            result = change(self._now())
        engine.run()
        self._raise_app_error()
        return result

    def _raise_app_error(self) -> None:
        errors = self._engine.app_errors
        if errors and self.raise_app_errors and not self._engine.inside_run():
            with self._lock:
                error = errors[0] if errors else None
                errors.clear()
            if error is not None:
                raise WebhookAppError(
                    f"the app raised {type(error).__name__} while handling a webhook "
                    "(see sim.timeline(); raise_app_errors=False records it only)"
                ) from error

    def initiate(self, call_id: str) -> None:
        """Move a queued call to ``initiated`` (dequeued and ringing)."""

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state != QUEUED:
                raise ValueError(f"call {call_id} is {call.state}, not queued")
            self._store.move(call, "initiate", now)

        self._act(change)

    def answer(self, call_id: str) -> None:
        """Answer a queued or ringing call (a queued one is initiated first).

        With call flows on, the ``answer`` webhook goes out and the BXML it
        returns starts (whatever of it takes no time runs before this returns).
        """

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state not in (QUEUED, INITIATED):
                raise ValueError(f"call {call_id} is {call.state}; only a ringing call answers")
            self._store.move(call, "answer", now)

        self._act(change)

    def hangup(
        self,
        call_id: str,
        cause: str = "hangup",
        *,
        error_message: Optional[str] = None,
        error_id: Optional[str] = None,
    ) -> None:
        """End a call that has not ended yet, with ``disconnectCause`` ``cause``.

        The far end hanging up: whatever verb runs stops, and the
        ``disconnect`` webhook goes out.
        """

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state == DISCONNECTED:
                raise ValueError(f"call {call_id} has already ended")
            self._store.disconnect(call, cause, now, error_message, error_id)

        self._act(change)

    def press(self, call_id: str, digits: str) -> None:
        """The far end presses ``digits`` (DTMF ``0-9``, ``*``, ``#``, ``A-D``) now.

        The digits reach a running ``<Gather>`` one after the other; if one
        ends the gather and its webhook's BXML starts another, the rest go to
        that one. Digits pressed while no Gather runs are not collected.
        """
        if not isinstance(digits, str) or not digits or not _DTMF.fullmatch(digits):
            raise ValueError("digits must be DTMF characters: 0-9, *, #, A-D")

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state != ANSWERED:
                raise ValueError(
                    f"call {call_id} is {call.state}; only an answered call hears digits"
                )
            self._engine.press(call, digits, now)

        self._act(change)

    def inbound_call(
        self,
        to: str,
        from_: str,
        *,
        answer_url: str,
        answer_method: str = "POST",
        **fields: Any,
    ) -> str:
        """Place an inbound call to your application; returns its call id.

        The ``initiate`` webhook goes to ``answer_url`` (the application's
        call-initiated callback URL) and the BXML it returns runs on the
        unanswered call, which its first spoken, played or gathering verb
        answers. ``fields`` are the other ``CreateCall`` keywords, in
        snake_case (``disconnect_url``, ``username``, ``password``,
        ``answer_fallback_url``, ``callback_timeout``, ``tag``, ...) and are
        checked the way ``create_call`` checks them (``ValueError``).
        """
        if not self._engine.enabled:
            raise RuntimeError(
                "inbound_call() needs call flows: this simulator has deliver_webhooks=False"
            )
        data = {camel(key): value for key, value in fields.items()}
        unknown = set(data) - CREATE_CALL_FIELDS
        if unknown:
            raise TypeError(f"unknown call fields: {sorted(unknown)}")
        request: Dict[str, Any] = {
            "to": to,
            "from": from_,
            "answerUrl": answer_url,
            "answerMethod": answer_method,
            **{key: value for key, value in data.items() if value is not None},
        }
        request.setdefault("applicationId", "04e88489-df02-4e34-a0ee-27a91849555f")
        try:
            check_create_call(request)
        except Invalid as exc:
            raise ValueError(str(exc)) from None

        def change(now: datetime) -> str:
            store = self._store
            call = store.new_call(request, now)
            call.direction = "inbound"
            call.state = INITIATED
            call.start_time = now
            store.insert(call)
            call.note(now, f"inbound call to {to} from {from_}")
            self._engine.inbound(call, now)
            return call.call_id

        return self._act(change)

    @property
    def calls(self) -> List[SimulatedCall]:
        """Copies of every stored call, oldest first (the ``list_calls`` order)."""
        return self._act(lambda now: [call.snapshot() for call in self._store.order])

    def call(self, call_id: str) -> SimulatedCall:
        """A copy of one stored call; ``KeyError`` if there is none."""
        return self._act(lambda now: self._store.get(call_id).snapshot())

    @property
    def webhooks(self) -> List[Webhook]:
        """Every webhook delivered so far, oldest first (a copy)."""
        return self._act(lambda now: list(self._engine.webhooks))

    def timeline(self) -> str:
        """Every call's :meth:`SimulatedCall.timeline`, oldest call first."""
        return "\n\n".join(call.timeline() for call in self.calls)

    def clear_calls(self) -> None:
        """Forget every call, what calls made (conferences, recordings, transcriptions), and
        the webhooks delivered so far."""
        with self._lock:
            self._store.clear()
            self._engine.clear()
            self._engine.webhooks.clear()
