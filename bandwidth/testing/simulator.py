"""``VoiceSimulator``: a stateful, in-process stand-in for the Voice API.

Standard library only. It serves HTTP/1.1 with keep-alive on loopback from a
background thread, answers every Voice operation (calls, conferences,
recordings, transcriptions, statistics) the way the spec documents them,
lets the test drive (or auto-run) each call's lifecycle on a clock the test
controls, injects faults and records every request.

This module is the public face: the server's lifecycle, its URLs and
settings, the clock. :mod:`bandwidth.testing._composition` builds the parts;
the rest of the test API forwards to them (:mod:`bandwidth.testing._facade`).
The rooms are mapped in ``docs/simulator.md`` ("Architecture").
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Union
from urllib.parse import quote

from bandwidth.testing._composition import OPERATIONS, assemble
from bandwidth.testing._core.access_controls import check_lifetime
from bandwidth.testing._core.app_errors import WebhookAppError
from bandwidth.testing._core.clock import ManualClock
from bandwidth.testing._core.credentials import TOKEN_PATH, check_name
from bandwidth.testing._core.http_server import MAX_CONNECTIONS
from bandwidth.testing._core.rest_service import RecordedRequest
from bandwidth.testing._core.start_listeners import STARTED_LISTENERS
from bandwidth.testing._facade import SimulatorTestApi
from bandwidth.testing._identity.test_api import IdentityTestApi
from bandwidth.testing._media.test_api import MediaTestApi
from bandwidth.testing._messaging.test_api import MessagingTestApi
from bandwidth.testing._numbers.test_api import NumbersTestApi
from bandwidth.testing._voice.calls import AutoProgress
from bandwidth.testing._voice.interpreter import Timing
from bandwidth.testing._voice.routes.router import BASE_PATH

if TYPE_CHECKING:
    from bandwidth.configuration import Configuration

__all__ = [
    "OPERATIONS",
    "STARTED_LISTENERS",
    "BandwidthSimulator",
    "RecordedRequest",
    "VoiceSimulator",
    "WebhookAppError",
]

Clock = Callable[[], datetime]


class VoiceSimulator(
    SimulatorTestApi, MessagingTestApi, MediaTestApi, IdentityTestApi, NumbersTestApi
):
    """A local Bandwidth platform for tests and benchmarks: Voice, and every other product.

    ``BandwidthSimulator`` is the same class. Messaging: texts go through
    ``MessagesApi`` against :meth:`configuration`; the test adds messaging
    applications (:meth:`add_messaging_application`), reads and texts from
    the far ends (:meth:`handset`) and scripts failures
    (:meth:`fail_next_message`); see ``docs/simulator.md`` ("Messaging").
    Media: ``MediaApi``, and :meth:`media` reads back what was uploaded
    ("Media"). MFA and number lookup: ``MFAApi`` and ``PhoneNumberLookupApi``
    the same way; the test seeds lookups (:meth:`seed_lookup`) and reads the
    codes sent (:meth:`mfa_code`, :attr:`mfa_codes`) ("MFA", "Number lookup").
    Toll-free verification and endpoints: ``TollFreeVerificationApi`` and
    ``EndpointsApi``, decided by the test or the clock
    (:meth:`approve_toll_free_verification`, :meth:`connect_endpoint`)
    ("Toll-free verification", "Endpoints").

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
    that long is closed, a request stalled that long gets a 408, and so does
    one whose head is not complete that long after its first byte. ``max_connections`` (default 128)
    caps the connections open at once; one more gets a 503 and is closed.
    ``strict_bxml_roots`` (default ``False``) refuses a ``<Bxml>`` webhook reply
    and a ``<Response>`` sent to ``update_call_bxml``, which are otherwise accepted
    with a note on the timeline (see :attr:`strict_bxml_roots`).

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
        max_connections: int = MAX_CONNECTIONS,
        strict_bxml_roots: bool = False,
    ) -> None:
        if isinstance(idle_timeout, bool) or not (
            isinstance(idle_timeout, (int, float)) and idle_timeout > 0
        ):
            raise ValueError("idle_timeout must be a positive number of seconds")
        if isinstance(max_connections, bool) or not (
            isinstance(max_connections, int) and max_connections > 0
        ):
            raise ValueError("max_connections must be a positive integer")
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
        self.app = app
        self.raise_app_errors = raise_app_errors
        self._url = ""
        self._advertised: Optional[str] = None
        self._calls_prefix = ""

        parts = assemble(
            self,
            self,
            host=host,
            port=port,
            idle_timeout=float(idle_timeout),
            max_connections=max_connections,
            account_id=account_id,
            auto_progress=auto_progress or None,
            app=app,
            deliver_webhooks=deliver_webhooks,
            timing=timing or Timing(),
            token_lifetime=check_lifetime(token_lifetime),
            call_url=self.call_url,
            strict_bxml_roots=bool(strict_bxml_roots),
        )
        voice = parts.voice
        self._roots = voice.roots
        self._transport = parts.transport
        self._store = voice.store
        self._lock = voice.store.lock
        self._engine = voice.engine
        self._rest = parts.rest
        self._http = parts.http
        facade = parts.facade
        self._actions = facade.actions
        self._attach(
            facade.access,
            facade.faults,
            facade.calls,
            facade.resources,
            facade.media_controls,
            facade.far_ends,
            facade.driving,
        )
        self._attach_messaging(parts.messaging_controls)
        self._attach_identity(parts.identity.controls)
        self._attach_media(parts.media.access)
        self._attach_numbers(parts.numbers)

    @property
    def strict_bxml_roots(self) -> bool:
        """Whether a BXML document must have the root Bandwidth documents for its place.

        ``False`` (the default): a webhook reply may be ``<Bxml>`` and
        ``update_call_bxml``/``update_conference_bxml`` may get ``<Response>``,
        as Bandwidth's own samples send; the timeline notes it. ``True``: the
        other root ends the call ``invalid-bxml`` (a reply) or is a 400 (an
        update), as the documented roots alone would allow.
        """
        return self._roots.strict

    @strict_bxml_roots.setter
    def strict_bxml_roots(self, value: bool) -> None:
        self._roots.strict = bool(value)

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
    def origin(self) -> str:
        """Scheme, host and port, e.g. ``http://127.0.0.1:54321``: what ``BW_BASE_URL`` takes
        (every product is served under its own path below it)."""
        return self.url[: -len(BASE_PATH)]

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
        return self.origin + TOKEN_PATH

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
            secret = self._access.secret_of(client_id)
            options = {
                "client_id": client_id,
                "client_secret": secret,
                "access_token_url": self.token_url,
            }
        elif user is not None:
            options = {"username": user, "password": self._access.password_of(user)}
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
        self._actions.not_inside_webhook("advance")
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
        self._actions.raise_app_error()
        return target

    # -- every product's timeline (voice's calls, then messaging's texts) ------------------

    def timeline(self) -> str:
        """Every call's timeline, then every message's, oldest first (secrets masked).

        Print it when a flow does not do what a test expects.
        """
        parts = (SimulatorTestApi.timeline(self), self.messaging_timeline())
        return "\n\n".join(part for part in parts if part)


#: The simulator of every product (the same class as :class:`VoiceSimulator`).
BandwidthSimulator = VoiceSimulator
