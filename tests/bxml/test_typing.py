"""Type checkers see the generated constructors: official calls pass, wrong ones are caught."""

from __future__ import annotations

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]

USER_CODE = """
from bandwidth.models.bxml import (
    Conference, Connect, Endpoint, Forward, Gather, Hangup, NestableVerb, PhoneNumber,
    Refer, Response, Root, SipUri, SpeakSentence, Tag, Transfer, Verb,
)
from bandwidth.models.bxml.verbs.speak_sentence import SpeakSentence as Official

sentence: Official = SpeakSentence("hi", voice="julie")
SpeakSentence("hi", "julie", "female", "en_US")
gather = Gather([sentence], "/gather", max_digits=1)
gather.max_digits = "2"
transfer = Transfer([PhoneNumber("+19195551234")], call_timeout="15")
transfer.transfer_to.append(SipUri("sip:a@b.example"))
refer = Refer(SipUri("sip:a@b.example"))
target: SipUri | None = refer.sip_uri
endpoints: list[Endpoint] = Connect([Endpoint("e-1")]).destination
document = Response([sentence, gather, transfer, Forward(), Hangup(), Tag(), refer])
document.add_verb(Conference("room", mute="true")).validate()
text: str = document.to_bxml()
Root(tag="R", nested_verbs=[Verb(tag="V", content="x"), NestableVerb(tag="N")])

SpeakSentence("hi", voice=3)
Gather(max_digits=[1])
Hangup("now")
transfer.transfer_to.append(sentence)
"""


def test_official_calls_type_check_and_mistakes_are_reported(tmp_path: pathlib.Path) -> None:
    script = tmp_path / "user_code.py"
    script.write_text(USER_CODE)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    # Only the user's file: the package's own strictness is `make typecheck`'s job, against
    # today's dependencies (at the floors, older stubs of urllib3/pydantic differ).
    errors = [
        line
        for line in result.stdout.splitlines()
        if ": error:" in line and line.startswith(str(script))
    ]
    expected = [
        'Argument "voice" to "SpeakSentence" has incompatible type "int"; expected "str | None"',
        'Argument "max_digits" to "Gather" has incompatible type "list[int]";'
        ' expected "int | str | None"',
        'Too many arguments for "Hangup"',
        'Argument 1 to "append" of "VerbList" has incompatible type "SpeakSentence";'
        ' expected "PhoneNumber | SipUri"',
    ]
    assert len(errors) == len(expected), result.stdout
    for line, message in zip(errors, expected):
        assert message in line, result.stdout
