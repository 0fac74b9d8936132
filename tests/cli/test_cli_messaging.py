"""``bandwidth messages send|list`` and ``bandwidth media ...``, in-process, over loopback.

Each test runs ``bandwidth.cli.main(argv)`` with ``BW_MESSAGING_HOST`` and
the credentials in the environment, and checks what went on the wire (method,
path, query, headers, body), what was printed, and that errors are one line.
"""

from __future__ import annotations

import base64
import io
import json
import os
import sys
from pathlib import Path
from typing import Any, List
from urllib.parse import parse_qs

import pytest

from tests.cli import samples
from tests.cli.conftest import Products

MESSAGES = f"/api/v2/users/{samples.ACCOUNT}/messages"
MEDIA = f"/api/v2/users/{samples.ACCOUNT}/media"
SEND = ["messages", "send", "--to", "+19195551234", "--from", "+19195554321"]
APP = ["--application-id", samples.MESSAGE["applicationId"]]


def _basic() -> str:
    pair = f"{samples.USERNAME}:{samples.PASSWORD}".encode()
    return "Basic " + base64.b64encode(pair).decode()


# -- messages send ---------------------------------------------------------------------


def test_send_posts_the_message_and_prints_bandwidths_answer(products: Products, cli: Any) -> None:
    products.answer("POST", MESSAGES, 202, samples.MESSAGE)
    result = cli(*SEND, *APP, "--text", "Your table is ready", "--tag", "table-12")
    assert (result.code, result.err) == (0, "")
    assert result.json() == samples.MESSAGE
    (request,) = products.requests
    assert (request.method, request.path) == ("POST", MESSAGES)
    assert request.headers["Authorization"] == _basic()
    assert request.headers["Content-Type"] == "application/json"
    assert products.sent_json() == {
        "applicationId": samples.MESSAGE["applicationId"],
        "to": ["+19195551234"],
        "from": "+19195554321",
        "text": "Your table is ready",
        "tag": "table-12",
    }


def test_send_every_flag(products: Products, cli: Any) -> None:
    products.answer("POST", MESSAGES, 202, samples.MESSAGE)
    result = cli(
        "messages", "send", "--to", "+19195551234", "+19195551235",
        "--from", "+19195554321", *APP, "--text", "group hello",
        "--media", "https://example.com/a.png", "https://example.com/b.jpg",
        "--tag", "t", "--priority", "HIGH", "--expiration", "2099-01-01T00:00:00Z",
    )  # fmt: skip
    assert result.code == 0, result.err
    sent = products.sent_json()
    assert sent["to"] == ["+19195551234", "+19195551235"]
    assert sent["media"] == ["https://example.com/a.png", "https://example.com/b.jpg"]
    assert (sent["priority"], sent["tag"], sent["text"]) == ("high", "t", "group hello")
    assert sent["expiration"].startswith("2099-01-01T00:00:00")


def test_send_from_json_on_stdin_with_flags_overriding(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    products.answer("POST", MESSAGES, 202, samples.MESSAGE)
    body = {"to": ["+19195551234"], "from": "+19195554321", "applicationId": "a", "text": "x"}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(body)))
    result = cli("messages", "send", "--json", "-", "--text", "from the flag")
    assert result.code == 0, result.err
    assert products.sent_json() == {**body, "text": "from the flag"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([*SEND, *APP, "--to", "+19195551234", "555"],
         "--to (value 2): must be an E.164 phone number such as +15555551212"),
        ([*SEND, "--text", "hi"], "--application-id is required"),
        ([*SEND, *APP, "--media", "not-a-url"], "--media (value 1): must be an absolute http"),
        ([*SEND, *APP, "--text", "x" * 2049], "--text: "),
        ([*SEND, *APP, "--priority", "urgent"], "argument --priority: invalid choice: 'urgent'"),
        ([*SEND, *APP, "--expiration", "tomorrow"], "--expiration: "),
        (["messages", "list", "--error-code", "x"], "argument --error-code: not a whole number"),
        (["messages", "list", "--message-status", "LOST"],
         "argument --message-status: invalid choice: 'LOST'"),
        (["messages", "list", "--page-token", "t", "--all"],
         "argument --all: not allowed with argument --page-token"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2_and_nothing_is_sent(
    products: Products, cli: Any, argv: List[str], message: str
) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert products.requests == []


def test_a_400_with_field_errors_is_one_line(products: Products, cli: Any) -> None:
    error = {
        "type": "request-validation",
        "description": "Your request could not be accepted",
        "fieldErrors": [{"fieldName": "from", "description": "'+1' must be a valid number"}],
    }
    products.answer("POST", MESSAGES, 400, error)
    result = cli(*SEND, *APP, "--text", "hi")
    assert result.code == 1
    line = result.expect_error_line()
    assert line.startswith("error: (400) ") and "Your request could not be accepted" in line


def test_send_is_not_retried_after_a_503(products: Products, cli: Any) -> None:
    products.answer("POST", MESSAGES, 503, {"type": "x", "description": "try later"})
    result = cli(*SEND, *APP, "--text", "once")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (503) ")
    assert len(products.requests) == 1  # a retry could send the message twice


def test_the_password_is_never_printed(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    products.answer("POST", MESSAGES, 401, {"type": "unauthorized", "description": "no"})
    monkeypatch.setenv("BW_PASSWORD", "s3cr3t-value")
    result = cli(*SEND, *APP, "--text", "hi")
    assert result.code == 1
    assert "s3cr3t" not in result.out + result.err
    assert result.expect_error_line().startswith("error: (401) ")


# -- messages list ---------------------------------------------------------------------


def test_list_sends_the_filters_and_prints_the_messages(products: Products, cli: Any) -> None:
    products.answer("GET", MESSAGES, 200, samples.messages_page([samples.MESSAGE_ITEM], "NEXT2"))
    result = cli(
        "messages", "list", "--source-tn", "+19195554321", "--message-status", "delivered",
        "--message-direction", "outbound", "--error-code", "0", "--bw-queued",
        "--no-carrier-queued", "--from-date-time", "2024-06-21T00:00:00.000Z",
        "--sort", "sourceTn:desc", "--limit", "10", "--limit-total-count",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.json() == [samples.MESSAGE_ITEM]
    assert result.err == "more messages: add --page-token NEXT2 for the next page, or --all\n"
    request = products.last
    assert (request.method, request.path) == ("GET", MESSAGES)
    query = parse_qs(request.query_string.decode(), keep_blank_values=True)
    assert query == {
        "sourceTn": ["+19195554321"],
        "messageStatus": ["DELIVERED"],
        "messageDirection": ["OUTBOUND"],
        "errorCode": ["0"],
        "bwQueued": ["true"],
        "carrierQueued": ["false"],
        "fromDateTime": ["2024-06-21T00:00:00.000Z"],
        "sort": ["sourceTn:desc"],
        "limit": ["10"],
        "limitTotalCount": ["true"],
    }


def test_list_a_page_by_its_token(products: Products, cli: Any) -> None:
    products.answer("GET", MESSAGES, 200, samples.messages_page([]))
    result = cli("messages", "list", "--message-id", samples.MESSAGE_ID, "--page-token", "P2")
    assert (result.code, result.out, result.err) == (0, "[]\n", "")
    query = parse_qs(products.last.query_string.decode())
    assert query == {"messageId": [samples.MESSAGE_ID], "pageToken": ["P2"]}


def test_list_all_follows_the_page_tokens(products: Products, cli: Any) -> None:
    second = {**samples.MESSAGE_ITEM, "messageId": "1589228074636abcdefghijklmnop"}
    products.server.expect_oneshot_request(MESSAGES).respond_with_json(
        samples.messages_page([samples.MESSAGE_ITEM], "T2")
    )
    products.server.expect_oneshot_request(MESSAGES).respond_with_json(
        samples.messages_page([second])
    )
    result = cli("messages", "list", "--source-tn", "+19195554321", "--all")
    assert (result.code, result.err) == (0, "")
    assert [m["messageId"] for m in result.json()] == [samples.MESSAGE_ID, second["messageId"]]
    tokens = [parse_qs(r.query_string.decode()).get("pageToken") for r in products.requests]
    assert tokens == [None, ["T2"]]


def test_list_too_many_requests_is_one_line(products: Products, cli: Any) -> None:
    products.answer("GET", MESSAGES, 429, {"type": "rate_limit_exceeded", "description": "slow"})
    result = cli("messages", "list", "--source-tn", "+19195554321", "--retries", "0")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (429) ")


# -- media -----------------------------------------------------------------------------


def test_upload_streams_the_file_under_its_name(
    products: Products, cli: Any, tmp_path: Path
) -> None:
    products.answer("PUT", MEDIA + "/.+", 204)
    photo = tmp_path / "logo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(50000))
    result = cli("media", "upload", str(photo), "--cache-control", "no-cache")
    assert (result.code, result.out, result.err) == (0, "", "")
    request = products.last
    assert (request.method, request.path) == ("PUT", MEDIA + "/logo.png")
    assert request.headers["Content-Type"] == "image/png"
    assert request.headers["Cache-Control"] == "no-cache"
    assert request.headers["Content-Length"] == str(photo.stat().st_size)
    assert request.get_data() == photo.read_bytes()


def test_upload_with_a_media_id_and_a_content_type(
    products: Products, cli: Any, tmp_path: Path
) -> None:
    products.answer("PUT", MEDIA + "/.+", 204)
    data = tmp_path / "data.bin"
    data.write_bytes(b"BEGIN:VCARD\r\nEND:VCARD\r\n")
    result = cli(
        "media", "upload", str(data), "--media-id", "cards/ada.vcf", "--content-type", "text/vcard"
    )
    assert result.code == 0, result.err
    request = products.last
    assert request.environ["RAW_URI"] == MEDIA + "/cards/ada.vcf"  # the '/' kept as it is
    assert request.headers["Content-Type"] == "text/vcard"
    assert request.get_data() == data.read_bytes()


def test_upload_from_stdin(products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    products.answer("PUT", MEDIA + "/.+", 204)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"GIF89a....")))
    result = cli("media", "upload", "-", "--media-id", "anim.gif", "--content-type", "image/gif")
    assert result.code == 0, result.err
    request = products.last
    assert request.path == MEDIA + "/anim.gif"
    assert request.headers["Content-Type"] == "image/gif"
    assert request.get_data() == b"GIF89a...."


def test_upload_larger_than_bandwidth_takes_is_refused_before_sending(
    products: Products, cli: Any, tmp_path: Path
) -> None:
    big = tmp_path / "big.jpg"
    big.write_bytes(bytes(3_932_161))
    result = cli("media", "upload", str(big))
    assert result.code == 2
    assert "FILE is larger than the 3932160 bytes" in result.expect_error_line()
    assert products.requests == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["media", "upload", "/nonexistent/x.png"],
         "FILE: cannot read '/nonexistent/x.png': No such file or directory"),
        (["media", "upload", "/tmp"], "FILE '/tmp' is not a regular file"),
        (["media", "upload", "-"], "FILE '-' (stdin) needs --media-id and --content-type"),
        (["media", "upload", "-", "--media-id", "x.png"],
         "FILE '-' (stdin) needs --media-id and --content-type"),
        (["media", "upload", "-", "--media-id", "x.png", "--content-type", "image/png",
          "--password-stdin"],
         "--password-stdin and FILE '-' cannot both read stdin"),
        (["media", "download", "a/../"], "MEDIA_ID"),
        (["media", "download", "x", "-o", "/nonexistent/dir/x"], "no such directory"),
        (["media", "delete", ""], "MEDIA_ID must not be empty"),
        (["media", "list", "--continuation-token", "t", "--all"],
         "argument --all: not allowed with argument --continuation-token"),
    ],
)  # fmt: skip
def test_bad_media_input_is_one_line_exit_2_and_nothing_is_sent(
    products: Products, cli: Any, argv: List[str], message: str
) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert products.requests == []


def test_list_prints_the_media_and_the_continuation_note(products: Products, cli: Any) -> None:
    products.server.expect_request(MEDIA).respond_with_json(
        samples.MEDIA_LIST, headers={"Continuation-Token": "C2"}
    )
    result = cli("media", "list", "--continuation-token", "C1")
    assert result.code == 0, result.err
    assert result.json() == samples.MEDIA_LIST
    assert result.err == "more media: add --continuation-token C2 for the next page, or --all\n"
    assert products.last.headers["Continuation-Token"] == "C1"


def test_list_all_follows_the_continuation_tokens(products: Products, cli: Any) -> None:
    second = [{**samples.MEDIA_LIST[0], "mediaName": "b.png"}]
    products.server.expect_oneshot_request(MEDIA).respond_with_json(
        samples.MEDIA_LIST, headers={"Continuation-Token": "C2"}
    )
    products.server.expect_oneshot_request(MEDIA).respond_with_json(second)
    result = cli("media", "list", "--all")
    assert (result.code, result.err) == (0, "")
    assert [m["mediaName"] for m in result.json()] == ["logo.png", "b.png"]
    assert [r.headers.get("Continuation-Token") for r in products.requests] == [None, "C2"]


def test_download_saves_the_media_under_the_last_part_of_its_id(
    products: Products, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    media = b"\x89PNG\r\n\x1a\n" + bytes(1000)
    products.answer("GET", MEDIA + "/.+", 200, media)
    media_id = f"{samples.MESSAGE_ID}/0/photo.png"
    result = cli("media", "download", media_id)
    assert (result.code, result.out) == (0, "")
    assert result.err == f"saved photo.png ({len(media)} bytes, image/png)\n"
    assert (tmp_path / "photo.png").read_bytes() == media
    assert products.last.environ["RAW_URI"] == f"{MEDIA}/{media_id}"


def test_download_to_a_named_file_and_max_bytes(
    products: Products, cli: Any, tmp_path: Path
) -> None:
    products.answer("GET", MEDIA + "/.+", 200, bytes(5000))
    target = tmp_path / "copy.png"
    too_small = cli("media", "download", "logo.png", "-o", str(target), "--max-bytes", "100")
    assert too_small.code == 1
    assert too_small.expect_error_line() == (
        "error: the media is larger than --max-bytes 100; nothing was saved"
    )
    assert not target.exists()
    result = cli("media", "download", "logo.png", "-o", str(target))
    assert result.code == 0, result.err
    assert target.read_bytes() == bytes(5000)


def test_get_writes_the_media_to_stdout(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    products.answer("GET", MEDIA + "/.+", 200, b"\x89PNG-bytes")
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8"))
    result = cli("media", "get", "logo.png")
    assert (result.code, result.err) == (0, "")
    assert raw.getvalue() == b"\x89PNG-bytes"


def test_get_refuses_a_terminal(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal(io.BytesIO(), encoding="utf-8"))
    result = cli("media", "get", "logo.png")
    assert result.code == 2
    assert "stdout is a terminal" in result.expect_error_line()
    assert products.requests == []


def test_delete_and_an_unknown_media(products: Products, cli: Any) -> None:
    products.answer("DELETE", MEDIA + "/logo.png", 204)
    products.answer("DELETE", MEDIA + "/missing.png", 404, {"type": "x", "description": "gone"})
    result = cli("media", "delete", "logo.png")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert products.last.method == "DELETE"
    missing = cli("media", "delete", "missing.png")
    assert missing.code == 1
    assert missing.expect_error_line().startswith("error: (404) ")


# -- the declarations ------------------------------------------------------------------


def test_message_flags_cover_every_field_and_list_flags_every_parameter() -> None:
    import inspect

    from bandwidth import MessagesApi
    from bandwidth._operation import OPTION_NAMES
    from bandwidth.cli._messaging_fields import MESSAGE_FLAGS, MESSAGE_LIST_FLAGS
    from bandwidth.models import MessageRequest

    fields = MessageRequest.model_fields.items()
    wire = {
        info.serialization_alias or name for name, info in fields if name != "additional_properties"
    }
    assert {flag.wire[0] for flag in MESSAGE_FLAGS} == wire
    parameters = set(inspect.signature(MessagesApi.list_messages).parameters)
    parameters -= {"self", "account_id", *OPTION_NAMES}
    assert {flag.parameter for flag in MESSAGE_LIST_FLAGS} == parameters


def test_choices_match_the_enums() -> None:
    from bandwidth.cli import _messaging_fields as fields
    from bandwidth.models import (
        ListMessageDirectionEnum,
        MessageStatusEnum,
        MessageTypeEnum,
        PriorityEnum,
        ProductTypeEnum,
    )

    for choices, enum in (
        (fields.PRIORITIES, PriorityEnum),
        (fields.MESSAGE_STATUSES, MessageStatusEnum),
        (fields.MESSAGE_DIRECTIONS, ListMessageDirectionEnum),
        (fields.MESSAGE_TYPES, MessageTypeEnum),
        (fields.PRODUCT_TYPES, ProductTypeEnum),
    ):
        assert choices == tuple(member.value for member in enum), enum


def test_help_of_every_operation(cli: Any) -> None:
    for argv in (
        ["messages", "send"],
        ["messages", "list"],
        ["media", "upload"],
        ["media", "list"],
        ["media", "get"],
        ["media", "download"],
        ["media", "delete"],
    ):
        result = cli(*argv, "--help")
        assert (result.code, result.err) == (0, "")
        assert result.out.startswith(f"usage: bandwidth {' '.join(argv)}")
        assert "BW_MESSAGING_HOST" in result.out
