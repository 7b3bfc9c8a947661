"""claimx's own record files read back: the values a JSON, JSON Lines or YAML
file holds, each bad line or document reported in one line and the others
still read. One reader for the three places that read records back:
``claimx corpus`` (:mod:`claimx.corpus.stores`, which adds its size bounds and
the schema check), ``extract --feed`` finding the URLs a folder already holds
(:mod:`claimx.read.feeds`) and ``-o DIR/`` finding which source a file keeps
(:mod:`claimx.write.sinks`). Plain parsing, below every package: imports no
other claimx module.

>>> problems = []
>>> [v for _, v in values('{"a": 1}\\nnot json\\n\\n[2]\\n', "jsonl", lambda m, n: problems.append((n, m)))]
[{'a': 1}, [2]]
>>> problems
[(2, 'not JSON: Expecting value')]
>>> [v for _, v in values('[{"a": 1}, {"a": 2}]', "json", print)]
[{'a': 1}, {'a': 2}]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

NESTED = "not a claimx record (JSON nested too deeply)"

# (message, line or None): one problem of the file being read
Problem = Callable[[str, "int | None"], None]


def values(text: str, kind: str, on_problem: Problem) -> Iterator[tuple[int | None, Any]]:
    """The values ``text`` holds as a record file of ``kind``, each with its
    line (JSON Lines) or None: a JSON document whole (an array: each item),
    each YAML document (read lazily: those before a broken one are given),
    each non-blank JSON Lines line (split at ``\\n`` only: a record's text may
    hold U+2028)."""
    if kind == "jsonl":
        yield from line_values(text.split("\n"), on_problem)
    elif kind == "yaml":
        import yaml

        try:
            for doc in yaml.safe_load_all(text):
                yield None, doc
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            on_problem(f"not YAML: {getattr(exc, 'problem', None) or exc}", mark.line + 1 if mark else None)
        except ValueError as exc:  # a value YAML reads but Python cannot hold: "2025-02-30"
            on_problem(f"not a claimx record ({exc})", None)
        except RecursionError:
            on_problem(NESTED.replace("JSON", "YAML"), None)
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            on_problem(f"not JSON: {exc.msg}", exc.lineno)
            return
        except ValueError as exc:  # JSON Python will not read: an integer of over 4,300 digits
            on_problem(f"not a claimx record ({exc})", None)
            return
        except RecursionError:
            on_problem(NESTED, None)
            return
        for item in data if isinstance(data, list) else [data]:
            yield None, item


def line_values(lines: Iterable[bytes | str], on_problem: Problem) -> Iterator[tuple[int, Any]]:
    """The value of each non-blank line, numbered from 1; a line of bytes is
    decoded on its own (the first may start with a byte order mark), so a
    bad line is named and the next ones still read."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8-sig" if n == 1 else "utf-8") if isinstance(line, bytes) else line)
        except UnicodeDecodeError as exc:
            on_problem(f"not UTF-8 (byte {exc.start + 1} of the line)", n)
        except json.JSONDecodeError as exc:
            on_problem(f"not JSON: {exc.msg}", n)
        except ValueError as exc:  # an integer of over 4,300 digits
            on_problem(f"not a claimx record ({exc})", n)
        except RecursionError:
            on_problem(NESTED, n)
        else:
            yield n, value
