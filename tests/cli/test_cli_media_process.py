"""``bandwidth recordings|conferences download`` as users run them: real processes.

The media goes to a real file, to a real pipe, and is refused on a real
terminal; a large download keeps the process's memory flat. Every wait is
bounded (subprocess timeouts, a pty read deadline).
"""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import time
import wave
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest

from bandwidth.testing import VoiceSimulator

BIN = Path(sys.executable).parent
CONSOLE_SCRIPT = str(BIN / "bandwidth")
TIMEOUT = 60


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


def _environment(sim: VoiceSimulator) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    env.update(
        BW_VOICE_HOST=sim.url,
        BW_ACCOUNT_ID=sim.account_id,
        BW_USERNAME=sim.username,
        BW_PASSWORD=sim.password,
    )
    return env


def _recording(sim: VoiceSimulator, **options: object) -> Tuple[str, str]:
    call_id = sim.add_call(to="+19195551234", from_="+19195554321")
    sim.answer(call_id)
    return call_id, sim.add_recording(call_id, **options)  # type: ignore[arg-type]


def _wav(data: bytes) -> Tuple[int, float]:
    """Channels and seconds of a WAV file; raises unless its header is valid and complete."""
    with wave.open(io.BytesIO(data)) as audio:
        frames = audio.getnframes()
        assert len(data) == 44 + frames * audio.getsampwidth() * audio.getnchannels()
        return audio.getnchannels(), frames / audio.getframerate()


def test_download_writes_a_real_wav_file(sim: VoiceSimulator, tmp_path: Path) -> None:
    call_id, recording_id = _recording(sim, duration=3.0, channels=2)
    result = subprocess.run(
        [CONSOLE_SCRIPT, "recordings", "download", call_id, recording_id],
        capture_output=True,
        env=_environment(sim),
        cwd=tmp_path,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    path = tmp_path / f"{recording_id}.wav"
    data = path.read_bytes()
    assert data[:4] == b"RIFF" and data[8:16] == b"WAVEfmt "
    assert _wav(data) == (2, 3.0)
    assert path.stat().st_mode & 0o777 == 0o600  # a new recording file is its owner's only
    assert result.stderr.decode() == f"saved {path.name} ({len(data)} bytes, audio/vnd.wave)\n"
    assert os.listdir(tmp_path) == [path.name]


def test_download_to_a_pipe(sim: VoiceSimulator, tmp_path: Path) -> None:
    call_id, recording_id = _recording(sim, duration=2.0)
    conference_id = sim.add_conference("room", [call_id])
    conference_recording = sim.add_conference_recording(conference_id, duration=1.0)
    env = _environment(sim)
    for argv, seconds in (
        (["recordings", "download", call_id, recording_id], 2.0),
        (["conferences", "download", conference_id, conference_recording], 1.0),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "bandwidth", *argv, "-o", "-"],
            capture_output=True,
            env=env,
            cwd=tmp_path,
            timeout=TIMEOUT,
        )
        assert (result.returncode, result.stderr) == (0, b""), argv
        assert _wav(result.stdout) == (1, seconds)
    assert os.listdir(tmp_path) == []


def test_a_reader_that_goes_away_stops_the_download_quietly(sim: VoiceSimulator) -> None:
    """``... -o - | head -c 44``: the media (960 kB) is more than a pipe holds."""
    call_id, recording_id = _recording(sim, duration=30.0, channels=2)
    process = subprocess.Popen(
        [CONSOLE_SCRIPT, "recordings", "download", call_id, recording_id, "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(sim),
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(44)[:4] == b"RIFF"
        process.stdout.close()
        code = process.wait(timeout=TIMEOUT)
        stderr = process.stderr.read().decode()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=TIMEOUT)
        if process.stderr is not None:
            process.stderr.close()
    assert (code, stderr) == (141, "")


def test_a_full_disk_is_one_error_line(sim: VoiceSimulator, tmp_path: Path) -> None:
    """Writing fails (stdout redirected to /dev/full): exit 1, one line, no traceback.

    Media larger than stdout's buffer fails as it is written; a small one (an
    MP3 second) fails when flushed, and must not fail again at exit.
    """
    call_id, wav = _recording(sim)
    mp3 = sim.add_recording(call_id, duration=1.0, file_format="mp3")
    for recording_id in (wav, mp3):
        with open("/dev/full", "wb") as full:
            result = subprocess.run(
                [CONSOLE_SCRIPT, "recordings", "download", call_id, recording_id, "-o", "-"],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=_environment(sim),
                cwd=tmp_path,
                timeout=TIMEOUT,
            )
        assert result.returncode == 1
        assert result.stderr == "error: cannot write to stdout: No space left on device\n"


def _read_until_exit(fd: int, process: subprocess.Popen[bytes]) -> bytes:
    """Everything the process writes to the pty until it exits (TIMEOUT at most)."""
    seen = bytearray()
    deadline = time.monotonic() + TIMEOUT
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        assert ready or process.poll() is not None, f"no exit; got {bytes(seen)!r}"
        try:
            chunk = os.read(fd, 4096) if ready else b""
        except OSError:  # EIO: the other side is closed
            chunk = b""
        if not chunk:
            return bytes(seen)
        seen += chunk


def test_download_to_a_terminal_is_refused(sim: VoiceSimulator, tmp_path: Path) -> None:
    call_id, recording_id = _recording(sim)
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [CONSOLE_SCRIPT, "recordings", "download", call_id, recording_id, "-o", "-"],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=_environment(sim),
        cwd=tmp_path,
    )
    os.close(slave)
    try:
        shown = _read_until_exit(master, process)
        assert process.wait(timeout=TIMEOUT) == 2
        assert process.stderr is not None
        stderr = process.stderr.read().decode()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=TIMEOUT)
        os.close(master)
        if process.stderr is not None:
            process.stderr.close()
    assert shown == b""  # not a byte of audio on the terminal
    assert stderr.startswith("error: -o -: stdout is a terminal; give -o FILE")
    assert sim.requests == []
    assert os.listdir(tmp_path) == []


#: Runs the CLI in-process, then reports its peak resident memory (``VmHWM``, in kB).
#: From /proc, not ``ru_maxrss``: that counts the parent's memory at fork too.
_MEASURED = (
    "import sys\n"
    "from bandwidth.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "with open('/proc/self/status') as status:\n"
    "    peak = [line for line in status if line.startswith('VmHWM:')][0].split()[1]\n"
    "sys.stderr.write('peak ' + peak + '\\n')\n"
    "sys.exit(code)\n"
)


def _peak_kib(argv: List[str], env: Dict[str, str], cwd: Path) -> int:
    """Run the CLI with ``argv`` to the end; its peak resident memory in KiB."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=cwd,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stderr.splitlines()[-1].split()[1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_large_download_keeps_memory_flat(sim: VoiceSimulator, tmp_path: Path) -> None:
    """48 MiB of media pass through the process without its memory growing by that much."""
    call_id, recording_id = _recording(sim)
    size = 48 * 1024 * 1024
    body = b"RIFF" + bytes(size - 4)
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: audio/vnd.wave\r\n"
        f"Content-Length: {size}\r\nConnection: close\r\n\r\n"
    ).encode()
    sim.raw_next("download_call_recording", head + body)
    env = _environment(sim)
    baseline = _peak_kib(["recordings", "get", call_id, recording_id], env, tmp_path)
    peak = _peak_kib(
        ["recordings", "download", call_id, recording_id, "-o", "big.wav"], env, tmp_path
    )
    assert (tmp_path / "big.wav").stat().st_size == size
    assert peak - baseline < 16 * 1024, (baseline, peak)  # far less than the 48 MiB
