"""``MFAApi``: send a one-time code by voice or text, then verify what the user typed.

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it. Requests go to the MFA server
(``https://mfa.bandwidth.com/api/v1``), not the Voice one.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Union

from typing_extensions import Final

from bandwidth._operation import Call, Operation, RequestAuth, RequestHeaders, RequestTimeout
from bandwidth._servers import MFA_SERVERS
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._request import json_body
from bandwidth.exceptions import ErrorModels
from bandwidth.models.code_request import CodeRequest
from bandwidth.models.messaging_code_response import MessagingCodeResponse
from bandwidth.models.verify_code_request import VerifyCodeRequest
from bandwidth.models.verify_code_response import VerifyCodeResponse
from bandwidth.models.voice_code_response import VoiceCodeResponse

__all__ = ["MFAApi"]

_CODE = "/accounts/{accountId}/code"
JSON = "application/json"
#: 400, 429 and 500 answer an ``MfaRequestError``; 401 and 403 their own documents.
MFA_ERRORS = ErrorModels(
    "mfa_request_error:MfaRequestError",
    {
        401: "mfa_unauthorized_request_error:MfaUnauthorizedRequestError",
        403: "mfa_forbidden_request_error:MfaForbiddenRequestError",
    },
)

GENERATE_VOICE_CODE: Operation[VoiceCodeResponse] = Operation(
    "generate_voice_code",
    "POST",
    _CODE + "/voice",
    VoiceCodeResponse,
    JSON,
    servers=MFA_SERVERS,
    errors=MFA_ERRORS,
)
GENERATE_MESSAGING_CODE: Operation[MessagingCodeResponse] = Operation(
    "generate_messaging_code",
    "POST",
    _CODE + "/messaging",
    MessagingCodeResponse,
    JSON,
    servers=MFA_SERVERS,
    errors=MFA_ERRORS,
)
VERIFY_CODE: Operation[VerifyCodeResponse] = Operation(
    "verify_code",
    "POST",
    _CODE + "/verify",
    VerifyCodeResponse,
    JSON,
    servers=MFA_SERVERS,
    errors=MFA_ERRORS,
)


class MFAApi(ApiBase):
    """Bandwidth's Multi-Factor Authentication API: one-time codes by phone call or SMS.

    ``generate_voice_code`` / ``generate_messaging_code`` send a code of
    ``digits`` digits from one of your numbers; ``verify_code`` checks what
    the user typed (a wrong or expired code is ``valid=False``, not an
    error). Every operation comes in three variants and takes the per-call
    extras after its own parameters, as in :class:`~bandwidth.CallsApi`.
    All three are ``POST``: none is retried once it may have reached the
    server (a retry could send the user a second code).
    """

    @Endpoint
    def generate_voice_code(
        self,
        account_id: str,
        code_request: Union[CodeRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[VoiceCodeResponse]:
        """Call ``to`` and speak a one-time code (``POST /accounts/{accountId}/code/voice``).

        Bandwidth answers 200 with the id of the call it placed
        (:class:`VoiceCodeResponse`). ``code_request.application_id`` must be a
        *voice* application. Never retried after the request may have reached
        the server.

        Args:
            account_id: your Bandwidth account id.
            code_request: who to call, from which number, the message (it must
                contain ``{CODE}``) and the code's length, 4 to 8 digits (a
                :class:`CodeRequest`, or a dict of it), checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("code_request", code_request, CodeRequest)
        return Call(GENERATE_VOICE_CODE, GENERATE_VOICE_CODE.expand(account_id), extras, body=body)

    generate_voice_code_with_http_info: Final = WithHttpInfo(generate_voice_code)
    generate_voice_code_without_preload_content: Final = WithoutPreloadContent(generate_voice_code)

    @Endpoint
    def generate_messaging_code(
        self,
        account_id: str,
        code_request: Union[CodeRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[MessagingCodeResponse]:
        """Text a one-time code to ``to`` (``POST /accounts/{accountId}/code/messaging``).

        Bandwidth answers 200 with the id of the message it sent
        (:class:`MessagingCodeResponse`). ``code_request.application_id`` must be
        a *messaging* application. Never retried after the request may have
        reached the server.

        Args:
            account_id: your Bandwidth account id.
            code_request: as for :meth:`generate_voice_code`, checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("code_request", code_request, CodeRequest)
        path = GENERATE_MESSAGING_CODE.expand(account_id)
        return Call(GENERATE_MESSAGING_CODE, path, extras, body=body)

    generate_messaging_code_with_http_info: Final = WithHttpInfo(generate_messaging_code)
    generate_messaging_code_without_preload_content: Final = WithoutPreloadContent(
        generate_messaging_code
    )

    @Endpoint
    def verify_code(
        self,
        account_id: str,
        verify_code_request: Union[VerifyCodeRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[VerifyCodeResponse]:
        """Check a code the user typed (``POST /accounts/{accountId}/code/verify``).

        Answers 200 with ``valid`` true or false: an unknown number, a wrong
        code or one older than ``expiration_time_in_minutes`` is ``False``,
        not an error. Too many wrong attempts for a number raise
        :class:`~bandwidth.exceptions.TooManyRequestsException`. Never retried
        after the request may have reached the server: every attempt counts
        against that limit.

        Args:
            account_id: your Bandwidth account id.
            verify_code_request: the number, the scope used when sending, how
                old a code may be (1 to 15 minutes) and the code (a
                :class:`VerifyCodeRequest`, or a dict of it), checked before
                sending; error messages never show the code.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("verify_code_request", verify_code_request, VerifyCodeRequest)
        return Call(VERIFY_CODE, VERIFY_CODE.expand(account_id), extras, body=body)

    verify_code_with_http_info: Final = WithHttpInfo(verify_code)
    verify_code_without_preload_content: Final = WithoutPreloadContent(verify_code)
