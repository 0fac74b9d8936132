"""Recording media: small, valid audio files of a recording's length (capped).

``wav`` is 8 kHz 16-bit PCM (the telephone rate) made with the standard
library's :mod:`wave`: a quiet 400 Hz tone, one channel or two, so a test
can open it with any audio library and check its length. ``mp3`` is a
stream of silent MPEG-1 Layer III frames (32 kHz, 32 kbit/s, mono): no
encoder is needed for silence, and any decoder plays it.

A download is capped at :data:`MAX_MEDIA_SECONDS` of audio, so an hour-long
recording does not cost a test megabytes.
"""

from __future__ import annotations

import io
import math
import struct
import wave

__all__ = ["CONTENT_TYPES", "MAX_MEDIA_SECONDS", "media_bytes", "mp3_bytes", "wav_bytes"]

#: The most audio a download carries, in seconds.
MAX_MEDIA_SECONDS = 30.0
#: ``Content-Type`` by ``fileFormat``, as the spec's ``downloadRecordingMediaResponse`` has it.
CONTENT_TYPES = {"wav": "audio/vnd.wave", "mp3": "audio/mpeg"}

WAV_RATE = 8000
_TONE_HZ = 400  # a whole number of samples per period at 8 kHz (20)
_AMPLITUDE = 2000  # of 32767: quiet


def _period() -> bytes:
    samples = WAV_RATE // _TONE_HZ
    return b"".join(
        struct.pack("<h", round(_AMPLITUDE * math.sin(2 * math.pi * i / samples)))
        for i in range(samples)
    )


_PERIOD = _period()


def _seconds(seconds: float) -> float:
    return min(max(0.0, float(seconds)), MAX_MEDIA_SECONDS)


def wav_bytes(seconds: float, channels: int = 1) -> bytes:
    """A WAV file of ``seconds`` (capped) of tone, on ``channels`` channels (1 or 2)."""
    frames = round(_seconds(seconds) * WAV_RATE)
    size = frames * 2  # 16-bit samples
    mono = (_PERIOD * (size // len(_PERIOD) + 1))[:size]
    # Two channels interleave: the same sample left and right.
    pcm = b"".join(mono[i : i + 2] * 2 for i in range(0, size, 2)) if channels == 2 else mono
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(WAV_RATE)
        writer.writeframes(pcm)
    return out.getvalue()


#: MPEG-1 Layer III, no CRC; 32 kbit/s, 32 kHz, no padding; mono.
_MP3_HEADER = bytes([0xFF, 0xFB, 0x18, 0xC0])
MP3_RATE = 32000
_MP3_FRAME_BYTES = 144 * 32000 // MP3_RATE  # 144 * bitrate / sample rate
_MP3_FRAME_SAMPLES = 1152
#: Header, then side information and main data all zero: a frame of silence.
_MP3_FRAME = _MP3_HEADER + bytes(_MP3_FRAME_BYTES - len(_MP3_HEADER))


def mp3_bytes(seconds: float) -> bytes:
    """An MP3 stream of ``seconds`` (capped, rounded up to whole frames) of silence."""
    frames = math.ceil(_seconds(seconds) * MP3_RATE / _MP3_FRAME_SAMPLES)
    return _MP3_FRAME * max(1, frames)


def media_bytes(file_format: str, seconds: float, channels: int = 1) -> bytes:
    """The media of a recording in ``file_format`` (``wav`` or ``mp3``)."""
    if file_format == "mp3":
        return mp3_bytes(seconds)
    return wav_bytes(seconds, channels)
