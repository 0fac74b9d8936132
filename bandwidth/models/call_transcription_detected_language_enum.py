"""``CallTranscriptionDetectedLanguageEnum``: the spec's
``callTranscriptionDetectedLanguageEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class CallTranscriptionDetectedLanguageEnum(ApiEnum):
    """The language a real-time transcription detected.

    Responses keep a language this SDK does not list as a plain string, so a
    newly supported language never makes a transcription unreadable.
    """

    EN_MINUS_US = "en-US"
    ES_MINUS_US = "es-US"
    FR_MINUS_FR = "fr-FR"
