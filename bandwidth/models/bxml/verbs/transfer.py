"""Sending the call elsewhere: Transfer (with PhoneNumber/SipUri), Forward, Refer, Bridge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Union

from bandwidth.models.bxml._attrs import (
    E164_OR_SIP,
    SIP_URI,
    Attr,
    Choice,
    Required,
    Text,
)
from bandwidth.models.bxml.enums import DiversionReason, DiversionTreatment
from bandwidth.models.bxml.errors import BxmlTypeError, BxmlValidationError
from bandwidth.models.bxml.verb import ParentVerb, Verb, VerbList
from bandwidth.models.bxml.verbs._common import (
    BOOL,
    CALL_TIMEOUT,
    CREDENTIAL,
    DISPLAY_NAME,
    METHOD,
    PHONE,
    TAG,
    TOKEN,
    URL,
    Method,
    as_verbs,
    check_privacy_name,
)

__all__ = ["Bridge", "Forward", "PhoneNumber", "Refer", "SipUri", "Transfer"]

#: A Transfer rings at most this many destinations at once.
MAX_TRANSFER_DESTINATIONS = 8

_SIP = Text(pattern=SIP_URI, expects="a SIP URI such as sip:user@host.example")


class _Destination(Verb):
    """What PhoneNumber and SipUri share: the B-leg's webhooks and credentials.

    Both take their number or URI positionally and these attributes (plus
    ``uui``) as keywords; :meth:`_init` sets them, in document order.
    """

    _top_level = False

    transfer_answer_url = Attr("transferAnswerUrl", URL)
    transfer_answer_method = Attr("transferAnswerMethod", METHOD)
    transfer_answer_fallback_url = Attr("transferAnswerFallbackUrl", URL)
    transfer_answer_fallback_method = Attr("transferAnswerFallbackMethod", METHOD)
    transfer_disconnect_url = Attr("transferDisconnectUrl", URL)
    transfer_disconnect_method = Attr("transferDisconnectMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    fallback_username = Attr("fallbackUsername", CREDENTIAL)
    fallback_password = Attr("fallbackPassword", CREDENTIAL)
    tag = Attr("tag", TAG)

    def _init(self, target: str, options: Mapping[str, object]) -> None:
        """Set the number or URI, then every attribute (``None`` where no keyword was given).

        An unknown keyword is a ``TypeError``, raised before anything is set,
        as Python raises it for an explicit signature.
        """
        names = [slot.name for slot in self._slots]
        for name in options:
            if name not in names:
                raise TypeError(
                    f"{type(self).__name__}.__init__() got an unexpected keyword argument {name!r}"
                )
        setattr(self, self._text[0].name, target)
        for name in names:
            setattr(self, name, options.get(name))


if TYPE_CHECKING:
    from typing_extensions import TypedDict, Unpack

    class _DestinationOptions(TypedDict, total=False):
        """The keywords of :class:`PhoneNumber` and :class:`SipUri` (all optional)."""

        transfer_answer_url: Optional[str]
        transfer_answer_method: Optional[Method]
        transfer_answer_fallback_url: Optional[str]
        transfer_answer_fallback_method: Optional[Method]
        transfer_disconnect_url: Optional[str]
        transfer_disconnect_method: Optional[Method]
        username: Optional[str]
        password: Optional[str]
        fallback_username: Optional[str]
        fallback_password: Optional[str]
        tag: Optional[str]
        uui: Optional[str]


class PhoneNumber(_Destination):
    """A Transfer destination: an E.164 number, with optional B-leg webhooks."""

    _tag = "PhoneNumber"
    _goes_in = "Transfer"

    number = Required(None, PHONE)
    uui = Attr("uui", Text(max_length=350, no_control=True))

    def __init__(self, number: str, **options: Unpack[_DestinationOptions]) -> None:
        """``number`` in E.164; ``uui`` is a comma-separated User-to-User list (350 chars max).

        Keywords: ``transfer_answer_url``/``_method``, ``transfer_answer_fallback_url``/
        ``_method``, ``transfer_disconnect_url``/``_method``, ``username``,
        ``password``, ``fallback_username``, ``fallback_password``, ``tag``, ``uui``.
        """
        self._init(number, options)


class SipUri(_Destination):
    """A SIP destination of a Transfer, or the target of a Refer (there: the URI only)."""

    _tag = "SipUri"
    _goes_in = "Transfer or Refer"

    uri = Required(None, _SIP)
    uui = Attr("uui", Text(max_length=256, no_control=True))

    def __init__(self, uri: str, **options: Unpack[_DestinationOptions]) -> None:
        """``uri`` such as ``sip:user@host``; ``uui`` is sent as User-to-User (256 chars max).

        Keywords as for :class:`PhoneNumber`.
        """
        self._init(uri, options)


class Transfer(ParentVerb):
    """Ring 1 to 8 ``PhoneNumber``/``SipUri`` destinations at once; bridge the first to answer."""

    _tag = "Transfer"
    _allowed = (PhoneNumber, SipUri)
    _max_children = MAX_TRANSFER_DESTINATIONS
    _children_name = "transfer_to"

    transfer_caller_id = Attr("transferCallerId", PHONE)
    privacy = Attr("privacy", BOOL)
    transfer_caller_display_name = Attr("transferCallerDisplayName", DISPLAY_NAME)
    call_timeout = Attr("callTimeout", CALL_TIMEOUT)
    transfer_complete_url = Attr("transferCompleteUrl", URL)
    transfer_complete_method = Attr("transferCompleteMethod", METHOD)
    transfer_complete_fallback_url = Attr("transferCompleteFallbackUrl", URL)
    transfer_complete_fallback_method = Attr("transferCompleteFallbackMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    fallback_username = Attr("fallbackUsername", CREDENTIAL)
    fallback_password = Attr("fallbackPassword", CREDENTIAL)
    tag = Attr("tag", TAG)
    diversion_treatment = Attr("diversionTreatment", Choice(DiversionTreatment))
    diversion_reason = Attr("diversionReason", Choice(DiversionReason))

    def __init__(
        self,
        transfer_to: Union[Verb, Iterable[Verb], None] = None,
        *,
        transfer_caller_id: Optional[str] = None,
        privacy: Optional[bool] = None,
        transfer_caller_display_name: Optional[str] = None,
        call_timeout: Optional[float] = None,
        transfer_complete_url: Optional[str] = None,
        transfer_complete_method: Optional[Method] = None,
        transfer_complete_fallback_url: Optional[str] = None,
        transfer_complete_fallback_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        fallback_username: Optional[str] = None,
        fallback_password: Optional[str] = None,
        tag: Optional[str] = None,
        diversion_treatment: Optional[Union[DiversionTreatment, str]] = None,
        diversion_reason: Optional[Union[DiversionReason, str]] = None,
    ) -> None:
        """Destinations in ``transfer_to``; ``call_timeout`` 1 to 300 s (Bandwidth default 30)."""
        self._setup()
        self.transfer_caller_id = transfer_caller_id
        self.privacy = privacy
        self.transfer_caller_display_name = transfer_caller_display_name
        self.call_timeout = call_timeout
        self.transfer_complete_url = transfer_complete_url
        self.transfer_complete_method = transfer_complete_method
        self.transfer_complete_fallback_url = transfer_complete_fallback_url
        self.transfer_complete_fallback_method = transfer_complete_fallback_method
        self.username = username
        self.password = password
        self.fallback_username = fallback_username
        self.fallback_password = fallback_password
        self.tag = tag
        self.diversion_treatment = diversion_treatment
        self.diversion_reason = diversion_reason
        self._children.extend(as_verbs(transfer_to))

    @property
    def transfer_to(self) -> VerbList:
        """The destinations (a checked list: PhoneNumber and SipUri only, at most 8)."""
        return self._children

    @transfer_to.setter
    def transfer_to(self, verbs: Iterable[Verb]) -> None:
        self._children = VerbList(self, verbs)

    def add_transfer_recipient(self, recipient: Union[PhoneNumber, SipUri]) -> Transfer:
        """Append a destination; same as :meth:`add_verb`."""
        return self.add_verb(recipient)

    def _check(self) -> None:
        super()._check()
        if not self._children:
            raise BxmlValidationError(
                self._tag, "transfer_to", "needs at least one PhoneNumber or SipUri"
            )
        check_privacy_name(
            self._tag,
            self.privacy,
            self.transfer_caller_display_name,
            "transfer_caller_display_name",
        )


class Forward(Verb):
    """Forward an unanswered inbound call; the app then controls neither leg."""

    _tag = "Forward"

    to = Required(
        "to", Text(pattern=E164_OR_SIP, expects="an E.164 number or a SIP URI (sip:user@host)")
    )
    from_ = Attr("from", PHONE)
    privacy = Attr("privacy", BOOL)
    caller_display_name = Attr("callerDisplayName", DISPLAY_NAME)
    call_timeout = Attr("callTimeout", CALL_TIMEOUT)
    diversion_treatment = Attr("diversionTreatment", Choice(DiversionTreatment))
    diversion_reason = Attr("diversionReason", Choice(DiversionReason))
    uui = Attr("uui", Text(max_length=256, no_control=True))

    def __init__(
        self,
        to: str,
        *,
        from_: Optional[str] = None,
        _from: Optional[str] = None,
        privacy: Optional[bool] = None,
        caller_display_name: Optional[str] = None,
        call_timeout: Optional[float] = None,
        diversion_treatment: Optional[Union[DiversionTreatment, str]] = None,
        diversion_reason: Optional[Union[DiversionReason, str]] = None,
        uui: Optional[str] = None,
    ) -> None:
        """``to`` is E.164 or a SIP URI; ``from_`` (also accepted as ``_from``) is E.164."""
        if from_ is not None and _from is not None:
            raise BxmlTypeError(self._tag, "from_", "give from_ or _from, not both")
        self.to = to
        self.from_ = from_ if from_ is not None else _from
        self.privacy = privacy
        self.caller_display_name = caller_display_name
        self.call_timeout = call_timeout
        self.diversion_treatment = diversion_treatment
        self.diversion_reason = diversion_reason
        self.uui = uui

    def _check(self) -> None:
        super()._check()
        check_privacy_name(self._tag, self.privacy, self.caller_display_name, "caller_display_name")


class Refer(ParentVerb):
    """Send a SIP REFER on an inbound SIP call, pointing it at one bare ``SipUri``.

    A successful REFER ends the call on Bandwidth's side; on failure the
    ``refer_complete_url`` webhook's BXML runs (or the next verb, without one).
    """

    _tag = "Refer"
    _allowed = (SipUri,)
    _max_children = 1
    _children_name = "sip_uri"

    refer_complete_url = Attr("referCompleteUrl", URL)
    refer_complete_method = Attr("referCompleteMethod", METHOD)
    tag = Attr("tag", TAG)

    def __init__(
        self,
        sip_uri: Optional[SipUri] = None,
        *,
        refer_complete_url: Optional[str] = None,
        refer_complete_method: Optional[Method] = None,
        tag: Optional[str] = None,
    ) -> None:
        """``sip_uri`` is where to refer the call (required before rendering)."""
        self._setup()
        self.refer_complete_url = refer_complete_url
        self.refer_complete_method = refer_complete_method
        self.tag = tag
        if sip_uri is not None:
            self._children.append(sip_uri)

    @property
    def sip_uri(self) -> Optional[SipUri]:
        """The refer target, or ``None`` before one is set."""
        if not self._children:
            return None
        target = self._children[0]
        assert isinstance(target, SipUri)
        return target

    @sip_uri.setter
    def sip_uri(self, target: Optional[SipUri]) -> None:
        self._children = VerbList(self, [] if target is None else [target])

    def _bare(self, verb: Verb) -> None:
        extra = [slot.name for slot in verb._slots if slot.peek(verb) is not None]
        if extra:
            raise BxmlValidationError(
                self._tag,
                "sip_uri",
                "a SipUri inside Refer carries only the URI; remove " + ", ".join(extra),
            )

    def _accept_more(self, verb: Verb, count_after: int) -> None:
        self._bare(verb)

    def _check(self) -> None:
        super()._check()
        if not self._children:
            raise BxmlValidationError(self._tag, "sip_uri", "is required")
        self._bare(self._children[0])


class Bridge(Verb):
    """Bridge another live call (by call id) onto this one."""

    _tag = "Bridge"

    target_call = Required(None, TOKEN)
    bridge_complete_url = Attr("bridgeCompleteUrl", URL)
    bridge_complete_method = Attr("bridgeCompleteMethod", METHOD)
    bridge_complete_fallback_url = Attr("bridgeCompleteFallbackUrl", URL)
    bridge_complete_fallback_method = Attr("bridgeCompleteFallbackMethod", METHOD)
    bridge_target_complete_url = Attr("bridgeTargetCompleteUrl", URL)
    bridge_target_complete_method = Attr("bridgeTargetCompleteMethod", METHOD)
    bridge_target_complete_fallback_url = Attr("bridgeTargetCompleteFallbackUrl", URL)
    bridge_target_complete_fallback_method = Attr("bridgeTargetCompleteFallbackMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    fallback_username = Attr("fallbackUsername", CREDENTIAL)
    fallback_password = Attr("fallbackPassword", CREDENTIAL)
    tag = Attr("tag", TAG)

    def __init__(
        self,
        target_call: str,
        *,
        bridge_complete_url: Optional[str] = None,
        bridge_complete_method: Optional[Method] = None,
        bridge_complete_fallback_url: Optional[str] = None,
        bridge_complete_fallback_method: Optional[Method] = None,
        bridge_target_complete_url: Optional[str] = None,
        bridge_target_complete_method: Optional[Method] = None,
        bridge_target_complete_fallback_url: Optional[str] = None,
        bridge_target_complete_fallback_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        fallback_username: Optional[str] = None,
        fallback_password: Optional[str] = None,
        tag: Optional[str] = None,
    ) -> None:
        """``target_call`` is the call id to bridge in; the URLs get the end-of-bridge events."""
        self.target_call = target_call
        self.bridge_complete_url = bridge_complete_url
        self.bridge_complete_method = bridge_complete_method
        self.bridge_complete_fallback_url = bridge_complete_fallback_url
        self.bridge_complete_fallback_method = bridge_complete_fallback_method
        self.bridge_target_complete_url = bridge_target_complete_url
        self.bridge_target_complete_method = bridge_target_complete_method
        self.bridge_target_complete_fallback_url = bridge_target_complete_fallback_url
        self.bridge_target_complete_fallback_method = bridge_target_complete_fallback_method
        self.username = username
        self.password = password
        self.fallback_username = fallback_username
        self.fallback_password = fallback_password
        self.tag = tag
