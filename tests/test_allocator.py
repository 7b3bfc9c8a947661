"""The allocator tuning (claimx.pipeline.allocator): set once where the C
library is glibc, left alone where the user set the thresholds or the C
library has no such parameters."""

import platform
import sys

import pytest

from claimx.pipeline import allocator


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.setattr(allocator, "_TUNED", False)
    for name in allocator.USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)


class FakeLibc:
    def __init__(self, answer):
        self.calls = []
        self.answer = answer
        outer = self

        class Mallopt:
            argtypes = restype = None

            def __call__(self, param, value):
                outer.calls.append((param, value))
                return outer.answer

        self.mallopt = Mallopt()


def _fake(monkeypatch, answer):
    libc = FakeLibc(answer)
    monkeypatch.setattr(allocator.ctypes, "CDLL", lambda name: libc)
    monkeypatch.setattr(allocator.sys, "platform", "linux")
    return libc


def test_both_thresholds_are_set_once(monkeypatch):
    libc = _fake(monkeypatch, 1)
    assert allocator.tune() is True
    assert libc.calls == [(allocator.M_MMAP_THRESHOLD, 32 << 20), (allocator.M_TRIM_THRESHOLD, 256 << 20)]
    assert allocator.tune() is True
    assert len(libc.calls) == 2  # not set a second time


@pytest.mark.parametrize("name", allocator.USER_SETTINGS)
def test_a_threshold_the_user_set_is_left_alone(monkeypatch, name):
    libc = _fake(monkeypatch, 1)
    monkeypatch.setenv(name, "131072")
    assert allocator.tune() is False
    assert libc.calls == []


def test_a_c_library_without_the_parameters_changes_nothing(monkeypatch):
    libc = _fake(monkeypatch, 0)  # musl's mallopt answers 0
    assert allocator.tune() is False
    assert libc.calls == [(allocator.M_MMAP_THRESHOLD, 32 << 20)]


def test_other_systems_are_left_alone(monkeypatch):
    libc = FakeLibc(1)
    monkeypatch.setattr(allocator.ctypes, "CDLL", lambda name: libc)
    monkeypatch.setattr(allocator.sys, "platform", "darwin")
    assert allocator.tune() is False
    assert libc.calls == []


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc's mallopt")
def test_glibc_takes_the_thresholds():
    assert allocator.tune() is True  # glibc answers 0 to a threshold it refuses (the mmap one over 32 MiB)


def test_the_command_line_tunes_before_it_loads_the_model(monkeypatch):
    from claimx import cli
    from claimx.pipeline import nlp

    order = []
    monkeypatch.setattr(allocator, "tune", lambda: order.append("tune"))
    monkeypatch.setattr(nlp, "load", lambda model: order.append(("load", model)))
    cli._load_nlp("some_model")
    assert order == ["tune", ("load", "some_model")]
