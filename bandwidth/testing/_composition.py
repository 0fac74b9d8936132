"""The composition root: the one place that builds a simulator's parts and wires them.

Every collaborator one part hands another is built here, and handed over
as a constructor argument; the facade (``VoiceSimulator``) only asks for
the assembly. The order below is the dependency order:

1. **core** (knows no product): the webhook transport (in-process WSGI/ASGI
   app, or HTTP), the credentials, the one lock and the one timer queue;
2. **products**, voice first: its store (calls, conferences, recordings,
   transcriptions, timers), the media engines, the verb families, the flow
   engine that runs BXML, and the :class:`~bandwidth.testing._voice.service.VoiceService`
   that gives the REST service its routes and control endpoints;
3. the REST service (auth, faults, recording, dispatch to the products) and
   the HTTP server it is served by;
4. the parts of the test API the facade forwards to (users and tokens,
   faults and recorded requests, calls, seeded resources, the far end's
   media, callees, flow driving), over the products' state.

Adding a product (messaging, say) means a sibling of ``_voice/`` that builds
a :class:`~bandwidth.testing._core.products.ProductService`, and one line in
:func:`assemble` putting it in ``products``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Dict, List, Optional, Protocol, Sequence, Set, Tuple

from bandwidth.testing._core.access_controls import AccessControls, OwnIdentity
from bandwidth.testing._core.credentials import TOKEN_OPERATION, Credentials
from bandwidth.testing._core.fault_controls import FaultControls
from bandwidth.testing._core.http_server import HttpServer
from bandwidth.testing._core.http_transport import HttpTransport
from bandwidth.testing._core.in_process_apps import transport_for
from bandwidth.testing._core.products import ProductService
from bandwidth.testing._core.rest_service import RestApi, RestSettings
from bandwidth.testing._core.timers import Timers
from bandwidth.testing._core.webhooks import Transport
from bandwidth.testing._identity.code_book import CodeBook
from bandwidth.testing._identity.identity_control_routes import lookup_control, mfa_control
from bandwidth.testing._identity.identity_controls import IdentityControls
from bandwidth.testing._identity.identity_paths import LOOKUP_OPERATIONS, MFA_OPERATIONS
from bandwidth.testing._identity.lookup_book import LookupBook
from bandwidth.testing._identity.lookup_service import LookupService
from bandwidth.testing._identity.mfa_service import MfaService
from bandwidth.testing._identity.spoken_codes import SpokenCodes
from bandwidth.testing._media.library import MediaLibrary
from bandwidth.testing._media.media_access import MediaAccess, MediaSettings
from bandwidth.testing._media.routes import MEDIA_OPERATIONS
from bandwidth.testing._media.service import MediaService
from bandwidth.testing._messaging.building import MessagingProduct, build_messaging
from bandwidth.testing._messaging.control_routes import control_finder
from bandwidth.testing._messaging.messaging_controls import MessagingControls
from bandwidth.testing._messaging.operations import MESSAGING_OPERATIONS
from bandwidth.testing._numbers.assembly import (
    NUMBERS_OPERATIONS,
    Numbers,
    build_numbers,
    build_numbers_state,
)
from bandwidth.testing._voice.action_runner import ActionRunner
from bandwidth.testing._voice.bxml_reading import BxmlRoots
from bandwidth.testing._voice.call_controls import CallControls
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import AutoProgress
from bandwidth.testing._voice.far_end_controls import FarEndControls
from bandwidth.testing._voice.flow_driving import FlowDriving
from bandwidth.testing._voice.flow_engine import Extension, FlowEngine
from bandwidth.testing._voice.interpreter import CallFlow, Timing, VerbFamily, VerbTable
from bandwidth.testing._voice.legs import Legs
from bandwidth.testing._voice.machine_detection import MachineDetection
from bandwidth.testing._voice.media_controls import MediaControls
from bandwidth.testing._voice.media_delivery import MediaDelivery
from bandwidth.testing._voice.media_engine import MediaEngine
from bandwidth.testing._voice.operations import VOICE_OPERATIONS
from bandwidth.testing._voice.resource_controls import ResourceControls
from bandwidth.testing._voice.routes.common import RouteSettings
from bandwidth.testing._voice.routes.control import ControlTarget
from bandwidth.testing._voice.service import VoiceService
from bandwidth.testing._voice.verbs import (
    background_media,
    bridge,
    call_control,
    conference,
    forward,
    gather,
    recording,
    refer,
    speech,
    transcription,
    transfer,
    unsupported,
)
from bandwidth.testing._voice.verbs.background_media import BackgroundMedia
from bandwidth.testing._voice.verbs.conference import ConferenceEngine
from bandwidth.testing._voice.verbs.recording import RecordingEngine
from bandwidth.testing._voice.verbs.transcription import RealTimeTranscribing

__all__ = [
    "OPERATIONS",
    "Assembly",
    "FacadeParts",
    "Identity",
    "MediaProduct",
    "SimulatorSettings",
    "Voice",
    "assemble",
    "build_facade_parts",
    "build_identity",
    "build_media",
    "build_messaging_parts",
    "build_transport",
    "build_voice",
]

#: Every operation name faults and recorded requests use: the SDK methods of every
#: product, and the token endpoint (``oauth_token``).
OPERATIONS: Tuple[str, ...] = (
    *VOICE_OPERATIONS,
    *MESSAGING_OPERATIONS,
    *MEDIA_OPERATIONS,
    *MFA_OPERATIONS,  # identity
    *LOOKUP_OPERATIONS,  # identity
    *NUMBERS_OPERATIONS,
    TOKEN_OPERATION,
)


@dataclass(frozen=True)
class Voice:
    """The voice product's parts, as the facade and its test API use them."""

    store: CallStore
    engine: FlowEngine
    media: MediaEngine
    service: VoiceService
    #: which BXML roots replies and update_*_bxml may have (one object, read at each use)
    roots: BxmlRoots


@dataclass(frozen=True)
class MediaProduct:
    """The media product's parts: the account's files, the test's side of them, the service."""

    library: MediaLibrary
    access: MediaAccess
    service: MediaService


@dataclass(frozen=True)
class Identity:
    """The identity products' parts: the MFA and lookup services, and their test-API part."""

    mfa: MfaService
    lookups: LookupService
    controls: IdentityControls


class SimulatorSettings(RestSettings, RouteSettings, OwnIdentity, MediaSettings, Protocol):
    """The facade's settings the parts read at each use (they may change while it runs)."""

    raise_app_errors: bool


@dataclass(frozen=True)
class FacadeParts:
    """The parts of the test API the facade forwards to, and how they act on voice."""

    actions: ActionRunner
    access: AccessControls
    faults: FaultControls
    calls: CallControls
    resources: ResourceControls
    media_controls: MediaControls
    far_ends: FarEndControls
    driving: FlowDriving


@dataclass(frozen=True)
class Assembly:
    """Everything one simulator is made of."""

    transport: Optional[Transport]
    credentials: Credentials
    voice: Voice
    rest: RestApi
    http: HttpServer
    facade: FacadeParts
    media: MediaProduct
    numbers: Numbers
    messaging: MessagingProduct
    messaging_controls: MessagingControls
    identity: Identity


def build_transport(
    app: Optional[Callable[..., Any]], deliver_webhooks: Optional[bool]
) -> Optional[Transport]:
    """Where webhooks go: the in-process app, HTTP (the default), or nowhere."""
    if app is not None:
        if deliver_webhooks is False:
            raise ValueError("an app receives webhooks: deliver_webhooks=False contradicts app=")
        transport: Transport = transport_for(app)
        return transport
    if deliver_webhooks is not False:  # None (the default) or True
        return HttpTransport()
    return None


def build_voice(
    lock: threading.Lock,
    timers: Timers,
    account_id: str,
    auto_progress: Optional[AutoProgress],
    transport: Optional[Transport],
    timing: Timing,
    now: Callable[[], datetime],
    call_url: Callable[[str], str],
    settings: RouteSettings,
    strict_bxml_roots: bool = False,
    connect: Optional[VerbFamily] = None,
    extensions: Sequence[Extension] = (),
) -> Voice:
    """The voice product: store, media engines, verb families, flow engine and routes.

    ``connect`` runs ``<Connect>`` (the numbers products' endpoints); without it the
    verb ends the call, naming it. ``extensions`` are other products' parts that hear
    of every answer and end (the calls the MFA service places).
    """
    roots = BxmlRoots(strict_bxml_roots)
    store = CallStore(account_id, auto_progress, lock, timers.group("voice"))
    enabled = transport is not None
    flows: Dict[str, CallFlow] = {}
    delivery = MediaDelivery(store, timing, enabled, call_url, flows)
    recordings = RecordingEngine(delivery)
    conferences = ConferenceEngine(delivery, recordings, roots)
    background = BackgroundMedia(delivery)
    transcribing = RealTimeTranscribing(delivery, background)
    media = MediaEngine(delivery, recordings, conferences, background, transcribing)
    legs = Legs(store)
    families: List[VerbFamily] = [
        speech.family(),
        gather.family(),
        call_control.family(),
        transfer.family(legs),
        bridge.family(legs),
        forward.family(legs),
        refer.family(),
        conference.family(conferences),
        recording.family(recordings),
        background_media.family(background),
        transcription.family(transcribing),
        connect or unsupported.family(),
    ]
    engine = FlowEngine(
        store,
        now,
        call_url,
        transport,
        timing,
        verbs=VerbTable(families),
        media=media,
        extensions=(legs, MachineDetection(enabled), *extensions),
        flows=flows,
        roots=roots,
    )
    return Voice(store, engine, media, VoiceService(settings, store, engine), roots)


def build_media(
    lock: threading.Lock, timers: Timers, now: Callable[[], datetime], settings: MediaSettings
) -> MediaProduct:
    """The media product: the account's files (on the shared clock and timers), its service."""
    library = MediaLibrary(lock, timers, now)
    access = MediaAccess(library, settings)
    return MediaProduct(library, access, MediaService(access))


def build_identity(
    store: CallStore,
    spoken: SpokenCodes,
    now: Callable[[], datetime],
    catch_up: Callable[[], None],
) -> Identity:
    """MFA and phone-number lookup: their books, services and test-API part.

    The MFA service places its voice-code calls in voice's ``store`` (``spoken`` is the
    flow-engine extension that speaks on them); ``catch_up`` runs the steps due now.
    """
    lookups = LookupService(LookupBook(), store.lock, now)
    codes = CodeBook()
    mfa = MfaService(codes, store, spoken, now, catch_up)
    controls = IdentityControls(store.lock, lookups.book, codes, mfa)
    lookups.control_with(lookup_control(controls))
    mfa.control_with(mfa_control(controls))
    return Identity(mfa, lookups, controls)


def build_facade_parts(
    settings: SimulatorSettings, credentials: Credentials, voice: Voice, rest: RestApi
) -> FacadeParts:
    """The test API's parts, each given the state and engines it acts on."""
    store, engine = voice.store, voice.engine
    actions = ActionRunner(engine, store.lock, settings.now, lambda: settings.raise_app_errors)
    return FacadeParts(
        actions=actions,
        access=AccessControls(credentials, settings, store.lock, settings.now),
        faults=FaultControls(rest),
        calls=CallControls(store, engine, actions),
        resources=ResourceControls(store, engine, actions),
        media_controls=MediaControls(store, voice.media, engine.timing, actions),
        far_ends=FarEndControls(store, actions),
        driving=FlowDriving(store, engine, actions),
    )


# -- messaging ------------------------------------------------------------------------------


def build_messaging_parts(
    settings: SimulatorSettings,
    lock: threading.Lock,
    timers: Timers,
    voice: Voice,
    enabled: bool,
) -> MessagingProduct:
    """The messaging product, driven by the flow engine (it delivers every webhook)."""
    engine = voice.engine

    def forget_webhooks(message_ids: Set[str]) -> None:  # under the lock
        if message_ids:
            engine.webhooks[:] = [w for w in engine.webhooks if w.call_id not in message_ids]

    def account_id() -> str:
        return settings.account_id

    def base_url() -> str:
        return settings.advertised_url

    return build_messaging(
        lock,
        timers,
        enabled=enabled,
        now=settings.now,
        account_id=account_id,
        base_url=base_url,
        driver=engine,
        forget_webhooks=forget_webhooks,
    )


def assemble(
    settings: SimulatorSettings,
    control_target: ControlTarget,
    *,
    host: str,
    port: int,
    idle_timeout: float,
    max_connections: int,
    account_id: str,
    auto_progress: Optional[AutoProgress],
    app: Optional[Callable[..., Any]],
    deliver_webhooks: Optional[bool],
    timing: Timing,
    token_lifetime: float,
    call_url: Callable[[str], str],
    strict_bxml_roots: bool = False,
) -> Assembly:
    """Build one simulator's parts, each handed its collaborators."""
    transport = build_transport(app, deliver_webhooks)
    credentials = Credentials(token_lifetime)
    lock = threading.Lock()  # the one lock: every product's state, the faults, the requests
    timers = Timers()  # the one queue the clock drives, shared by every product
    numbers_state = build_numbers_state(settings, timers, transport is not None)
    spoken = SpokenCodes()  # identity: the calls that speak MFA codes
    voice = build_voice(
        lock,
        timers,
        account_id,
        auto_progress,
        transport,
        timing,
        settings.now,
        call_url,
        settings,
        strict_bxml_roots,
        connect=numbers_state.connect_verbs(),
        extensions=(spoken,),
    )
    voice.service.control_with(control_target)
    messaging = build_messaging_parts(settings, lock, timers, voice, transport is not None)
    engine = voice.engine
    identity = build_identity(voice.store, spoken, settings.now, lambda: engine.run(wait=False))
    identity.mfa.texts = messaging  # MFA texts its codes through messaging's platform seam
    media = build_media(lock, timers, settings.now, settings)
    # numbers: toll-free verification and endpoints, on voice's engine and the shared timers
    numbers = build_numbers(
        settings, lock, numbers_state, voice.engine, lambda: settings.raise_app_errors
    )
    products: List[ProductService] = [voice.service, messaging.service, media.service]
    products += [identity.mfa, identity.lookups]
    products.extend(numbers.services)
    rest = RestApi(settings, lock, credentials, products)
    http = HttpServer(rest, host, port, idle_timeout, max_connections=max_connections)
    facade = build_facade_parts(settings, credentials, voice, rest)
    messaging_controls = MessagingControls(messaging.store, messaging.flow, facade.actions)
    messaging.service.control_with(control_finder(messaging_controls))
    return Assembly(
        transport,
        credentials,
        voice,
        rest,
        http,
        facade,
        media,
        numbers,
        messaging,
        messaging_controls,
        identity,
    )
