"""How the query pool and its workers talk over their socket pair.

A job is one frame: a 4-byte big-endian length, then the pickled job dict (``None`` stops the
worker). A reply is one frame whose payload is a 4-byte length, the pickled reply tuple with its
body left out, then the body as raw bytes: a serialized result is never pickled nor copied into a
pickle, and the parent reads it with as few ``recv`` calls as its size allows (one for a point
lookup).
"""

from __future__ import annotations

import pickle
import socket
import struct
from typing import Any

_LENGTH = struct.Struct("!I")
_BODY_INDEX = 3  # ("ok", kind, media_type, body, seconds): the one reply that carries a body


def encode_job(job: dict[str, Any] | None) -> bytes:
    payload = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(payload)) + payload


def read_job(sock: socket.socket) -> dict[str, Any] | None:
    """The next job from a blocking socket (worker side); EOFError when the parent is gone."""
    (size,) = _LENGTH.unpack(_recv_exactly(sock, _LENGTH.size))
    job: dict[str, Any] | None = pickle.loads(_recv_exactly(sock, size))
    return job


def send_reply(sock: socket.socket, reply: tuple[Any, ...]) -> None:
    """One reply frame on a blocking socket (worker side), the body sent as it is."""
    body = b""
    if reply[0] == "ok":
        body = reply[_BODY_INDEX]
        reply = (*reply[:_BODY_INDEX], None, *reply[_BODY_INDEX + 1 :])
    meta = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    parts = [_LENGTH.pack(_LENGTH.size + len(meta) + len(body)), _LENGTH.pack(len(meta)), meta, body]
    sent = sock.sendmsg(parts)
    total = sum(len(part) for part in parts)
    if sent < total:  # a large body: the rest in the ordinary way
        sock.sendall(b"".join(parts)[sent:])


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    data = sock.recv(size, socket.MSG_WAITALL)
    if len(data) < size:
        raise EOFError("the other end closed the connection")
    return data


class ReplyReader:
    """Collects one reply frame from a non-blocking socket, across as many reads as it takes."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.size = -1  # payload size, once the length prefix has arrived

    def feed(self, sock: socket.socket) -> bool:
        """Read what is available; True once the frame is complete. EOFError if the worker closed."""
        while True:
            wanted = 65536 if self.size < 0 else min(self.size + _LENGTH.size - len(self.buffer), 1 << 20)
            try:
                chunk = sock.recv(wanted)
            except BlockingIOError:
                return False
            if not chunk:
                raise EOFError("the query worker closed the connection")
            self.buffer += chunk
            if self.size < 0 and len(self.buffer) >= _LENGTH.size:
                (self.size,) = _LENGTH.unpack_from(self.buffer)
            if self.size >= 0 and len(self.buffer) >= self.size + _LENGTH.size:
                return True

    def reply(self) -> tuple[Any, ...]:
        (meta_size,) = _LENGTH.unpack_from(self.buffer, _LENGTH.size)
        body_start = 2 * _LENGTH.size + meta_size
        reply: tuple[Any, ...] = pickle.loads(memoryview(self.buffer)[2 * _LENGTH.size : body_start])
        if reply[0] == "ok":
            body = bytes(memoryview(self.buffer)[body_start:])
            reply = (*reply[:_BODY_INDEX], body, *reply[_BODY_INDEX + 1 :])
        return reply
