"""The messaging part of the simulator's public test API, and the handsets it hands out.

:class:`MessagingTestApi` is a base of :class:`~bandwidth.testing.VoiceSimulator`
(``BandwidthSimulator``), beside the voice test API; it forwards to
:class:`~.messaging_controls.MessagingControls`, attached once by
:meth:`MessagingTestApi._attach_messaging`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Sequence, Union

from bandwidth._formats import is_e164
from bandwidth.testing._messaging.message_records import MessagingApplication
from bandwidth.testing._messaging.messaging_controls import MessagingControls

if TYPE_CHECKING:
    from bandwidth.models.message import Message

__all__ = ["MessagingTestApi", "SimulatedHandset"]


class SimulatedHandset:
    """The far end of a phone number: what the platform delivered to it, and texts it sends."""

    def __init__(self, number: str, controls: MessagingControls) -> None:
        self.number = number
        self._controls = controls

    def __repr__(self) -> str:
        return f"SimulatedHandset(number={self.number!r})"

    @property
    def messages(self) -> List[Message]:
        """What the platform delivered to this number, as ``Message`` objects, oldest first.

        Each is the message as the sender's ``create_message`` answered it
        (its ``text`` and ``media`` included); a group message is in every
        recipient's handset. A text lands when its ``message-delivered`` is due.
        """
        from bandwidth.models.message import Message

        found = []
        for text in self._controls.texts_of(self.number):
            message = Message.from_dict(text)
            assert message is not None
            found.append(message)
        return found

    @property
    def texts(self) -> List[str]:
        """The ``text`` of each message in :attr:`messages`, oldest first."""
        return [text.get("text") or "" for text in self._controls.texts_of(self.number)]

    def send(
        self, to: Union[str, Sequence[str]], text: str, media: Sequence[str] = ()
    ) -> List[str]:
        """Text ``to`` (one of your numbers, or several: a group message) from this handset.

        The application owning each of your numbers among ``to`` gets
        ``message-received`` before this returns (one copy per number, each
        with its own message id: the ids are returned). ``ValueError`` when
        none of ``to`` belongs to a messaging application.
        """
        return self._controls.send_from(self.number, to, text, media)

    @property
    def reachable(self) -> bool:
        """Whether texts reach it (``False``: every text to it fails with 4702
        ``destination-subscriber-unavailable``, until set back)."""
        return self._controls.reachable(self.number)

    @reachable.setter
    def reachable(self, value: bool) -> None:
        self._controls.set_reachable(self.number, value)


class MessagingTestApi:
    """The simulator's messaging test API: applications, handsets, scripted failures."""

    def _attach_messaging(self, controls: MessagingControls) -> None:
        self._messaging = controls

    def add_messaging_application(
        self,
        application_id: str,
        callback_url: str,
        *,
        numbers: Sequence[str] = (),
        username: Optional[str] = None,
        password: Optional[str] = None,
    ) -> MessagingApplication:
        return self._messaging.add_messaging_application(
            application_id, callback_url, numbers=numbers, username=username, password=password
        )

    add_messaging_application.__doc__ = MessagingControls.add_messaging_application.__doc__

    @property
    def messaging_applications(self) -> List[MessagingApplication]:
        """The messaging applications, in the order they were added."""
        return self._messaging.messaging_applications

    def handset(self, number: str) -> SimulatedHandset:
        """The far end of ``number`` (E.164): its inbox (``.messages``) and ``.send``."""
        if not isinstance(number, str) or not is_e164(number):
            raise ValueError(f"a handset's number must be E.164 such as +15555551212: {number!r}")
        return SimulatedHandset(number, self._messaging)

    def fail_next_message(
        self,
        error_code: int = 4720,
        *,
        to: Optional[str] = None,
        description: Optional[str] = None,
    ) -> None:
        self._messaging.fail_next_message(error_code, to=to, description=description)

    fail_next_message.__doc__ = MessagingControls.fail_next_message.__doc__

    def messaging_timeline(self) -> str:
        """Every message's timeline (texts sent, received and the platform's), oldest first."""
        return self._messaging.messaging_timeline()

    def clear_messages(self) -> None:
        """Forget every message, handset inbox and scripted failure (applications stay)."""
        self._messaging.clear_messages()
