"""What a recording or transcription holds: the words said while it ran.

Calls and conferences keep what was said on them as
:class:`~bandwidth.testing._voice.calls.Utterance` spans. A recording or a
transcription covers some stretches of time (a recording's pauses are
gaps); :func:`words_within` returns the words spoken in them, each word
placed evenly within its utterance's span, so a recording cut short by
``maxDuration`` or a pause holds only the words said before the cut.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, List, Optional, Sequence, Tuple

from bandwidth.testing._voice.calls import Utterance

__all__ = ["Segment", "words_within"]

#: A stretch of time ``[start, end)``; ``end`` ``None``: still running.
Segment = Tuple[datetime, Optional[datetime]]


def _inside(moment: datetime, segments: Sequence[Segment]) -> bool:
    return any(start <= moment and (end is None or moment < end) for start, end in segments)


def words_within(
    utterances: Iterable[Utterance],
    segments: Sequence[Segment],
    tracks: Optional[Sequence[str]] = None,
) -> str:
    """The words of ``utterances`` (on ``tracks``, default all) said within ``segments``.

    Words come out in the order they were said, across utterances.
    """
    timed: List[Tuple[datetime, int, str]] = []
    for utterance in utterances:
        if tracks is not None and utterance.track not in tracks:
            continue
        words = utterance.text.split()
        span = max(0.0, (utterance.end - utterance.start).total_seconds())
        for index, word in enumerate(words):
            moment = utterance.start + timedelta(seconds=span * (index + 0.5) / len(words))
            if _inside(moment, segments):
                timed.append((moment, len(timed), word))
    timed.sort()
    return " ".join(word for _, _, word in timed)
