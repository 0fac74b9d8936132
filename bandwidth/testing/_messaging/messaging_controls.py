"""What the test does to messaging: applications, handsets, scripted failures, the timeline.

Each change goes through the simulator's action runner (``act``): due work
runs first, the change is made under the lock, and what it set off (an
inbound text's ``message-received``) is delivered before the method returns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Dict, List, Optional, Protocol, Sequence, Tuple, TypeVar, Union

from bandwidth._formats import is_e164
from bandwidth.testing._messaging import error_codes
from bandwidth.testing._messaging.message_checks import MAX_TEXT
from bandwidth.testing._messaging.message_records import MessagingApplication, ScriptedFailure
from bandwidth.testing._messaging.message_store import MessageStore
from bandwidth.testing._messaging.text_flow import TextFlow

__all__ = ["Acting", "MessagingControls"]

_T = TypeVar("_T")


class Acting(Protocol):
    """The simulator's action runner: catch up, change under the lock, run what it set off."""

    def act(self, change: Callable[[datetime], _T]) -> _T:
        """Make one change."""


def _number(value: Any, what: str) -> str:
    if not isinstance(value, str) or not is_e164(value):
        raise ValueError(f"{what} must be an E.164 number such as +15555551212, not {value!r}")
    return value


class MessagingControls:
    """The messaging part of the test API (see the module docstring)."""

    def __init__(self, store: MessageStore, flow: TextFlow, actions: Acting) -> None:
        self._store = store
        self._flow = flow
        self._actions = actions

    def add_messaging_application(
        self,
        application_id: str,
        callback_url: str,
        *,
        numbers: Sequence[str] = (),
        username: Optional[str] = None,
        password: Optional[str] = None,
    ) -> MessagingApplication:
        """Add a messaging application, as the dashboard holds one (a new one replaces it).

        Status callbacks of the messages sent with its ``applicationId``, and
        ``message-received`` for texts to its ``numbers``, go to
        ``callback_url`` (JSON arrays, POST); ``username``/``password``
        answer the app's 401 Basic challenge. A message from an E.164 number
        no application lists fails with 4403.
        """
        if not isinstance(application_id, str) or not application_id:
            raise ValueError("application_id must be a non-empty string")
        if not isinstance(callback_url, str) or not callback_url:
            raise ValueError("callback_url must be a URL")
        if isinstance(numbers, str):
            numbers = (numbers,)
        owned = tuple(_number(number, "each number") for number in numbers)
        application = MessagingApplication(application_id, callback_url, owned, username, password)
        self._actions.act(lambda now: self._store.add_application(application))
        return application

    @property
    def messaging_applications(self) -> List[MessagingApplication]:
        """The messaging applications, in the order they were added."""
        return self._actions.act(lambda now: list(self._store.applications.values()))

    def fail_next_message(
        self,
        error_code: int = 4720,
        *,
        to: Optional[str] = None,
        description: Optional[str] = None,
    ) -> None:
        """Make the next message (to ``to``, or to anyone) end ``message-failed``.

        It is accepted (202) as usual, then fails with ``error_code`` and
        ``description`` (default: the platform's for that code, e.g. 4720
        ``invalid-destination-address``; a code outside Bandwidth's table
        needs one). Scripted failures queue up: each is used once. With
        ``to``, only that recipient's copy of a group message fails.
        """
        if isinstance(error_code, bool) or not isinstance(error_code, int):
            raise ValueError("error_code must be an integer such as 4720")
        shown = error_codes.description_of(error_code, description)
        failure = ScriptedFailure(error_code, shown, None if to is None else _number(to, "to"))
        self._actions.act(lambda now: self._store.add_failure(failure))

    def texts_of(self, number: str) -> List[Dict[str, Any]]:
        """The texts delivered to ``number``'s handset, oldest first."""
        return self._actions.act(lambda now: self._store.texts_of(number))

    def send_from(
        self, number: str, to: Union[str, Sequence[str]], text: str, media: Sequence[str]
    ) -> List[str]:
        """A handset texts one of the account's numbers (see ``SimulatedHandset.send``)."""
        recipients: Tuple[str, ...] = (to,) if isinstance(to, str) else tuple(to)
        if not recipients:
            raise ValueError("to needs at least one number")
        for recipient in recipients:
            _number(recipient, "to")
        if not isinstance(text, str) or len(text) > MAX_TEXT:
            raise ValueError(f"text must be a string of at most {MAX_TEXT} characters")
        if isinstance(media, str):
            media = (media,)
        attached = tuple(media)
        if not all(isinstance(url, str) and url for url in attached):
            raise ValueError("media must be a sequence of URLs")
        return self._actions.act(
            lambda now: self._flow.receive(number, recipients, text, attached, now)
        )

    def reachable(self, number: str) -> bool:
        """Whether texts reach ``number``'s handset."""
        return self._actions.act(lambda now: self._store.reachable(number))

    def set_reachable(self, number: str, reachable: bool) -> None:
        """Make ``number``'s handset reachable or not (unreachable: texts fail with 4702)."""
        self._actions.act(lambda now: self._store.set_reachable(number, bool(reachable)))

    def messaging_timeline(self) -> str:
        """Every message's timeline (texts sent, received and the platform's), oldest first."""
        return self._actions.act(
            lambda now: "\n\n".join(record.timeline() for record in self._store.messages.values())
        )

    def clear_messages(self) -> None:
        """Forget every message, handset inbox and scripted failure (applications stay)."""
        self._actions.act(lambda now: self._store.clear())
