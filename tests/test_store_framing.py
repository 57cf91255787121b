"""The framing between the query pool and its workers, over a real socket pair."""

from __future__ import annotations

import select
import socket
import threading

import pytest

from innograph.store.framing import ReplyReader, encode_job, read_job, send_reply


def _read_whole_reply(sock: socket.socket) -> tuple[object, ...]:
    """Read one reply from a non-blocking socket, waiting whenever nothing has arrived yet."""
    reader = ReplyReader()
    while not reader.feed(sock):
        select.select([sock], [], [], 5)
    return reader.reply()


def test_job_round_trip() -> None:
    parent, child = socket.socketpair()
    with parent, child:
        job = {"query": "ASK {}", "accept": ["application/sparql-results+json"], "union": True}
        parent.sendall(encode_job(job) + encode_job(None))
        assert read_job(child) == job
        assert read_job(child) is None


def test_reply_body_crosses_as_raw_bytes_even_when_far_bigger_than_the_socket_buffer() -> None:
    parent, child = socket.socketpair()
    body = bytes(range(256)) * 20_000  # 5 MB, many reads
    reply = ("ok", "solutions", "application/sparql-results+json", body, 0.5)
    with parent, child:
        parent.setblocking(False)
        sender = threading.Thread(target=send_reply, args=(child, reply))
        sender.start()
        got = _read_whole_reply(parent)
        sender.join()
    assert got == reply


def test_error_reply_and_a_closed_worker() -> None:
    parent, child = socket.socketpair()
    with parent:
        parent.setblocking(False)
        send_reply(child, ("syntax", "error at 1:5"))
        assert _read_whole_reply(parent) == ("syntax", "error at 1:5")
        reader = ReplyReader()
        assert reader.feed(parent) is False  # nothing sent yet: not complete, nothing lost
        child.close()
        with pytest.raises(EOFError):
            reader.feed(parent)
