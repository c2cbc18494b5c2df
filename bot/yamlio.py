"""Load YAML with the line number of every mapping and key, so errors can name ``file:line``.

Files in the plain subset our data uses are read by a fast reader of our own; anything else goes to PyYAML.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

# The C loader is several times faster; fall back to the pure-Python one where libyaml is missing.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 2 * 1024 * 1024


class LineDict(dict):
    """A dict that remembers where it and each of its keys stood in the YAML file."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a mapping key must be plain text", key_node.start_mark)
        key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# ---------------------------------------------------------------------------------------------------------------
# A fast reader for the plain subset of YAML our data files use (block mappings and sequences, one-line scalars,
# one-line flow lists and maps). Even with libyaml, PyYAML builds every value through Python-level nodes and
# resolvers: 100k positions took ~16 s with _LineLoader (~8 s with plain CSafeLoader); this reads them in ~1.3 s.
# It gives exactly what _LineLoader gives, line numbers included, and anything outside the subset (anchors, tags, multi-line scalars, escapes it does not know,
# odd indentation, duplicate keys, errors) is handed to the full loader, so results and messages never differ.


class _Fallback(Exception):
    """The text steps outside the fast reader's subset: read it with the full loader."""


# Characters YAML rejects, reads as line breaks or byte-order marks, or that the subset leaves to the full loader.
_OUTSIDE_SUBSET = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_KEY_TEXT = r"[A-Za-z_][\w-]*"
_KEY_NAME = re.compile(_KEY_TEXT)
_KEY = re.compile(rf"({_KEY_TEXT}):(?: +(.*))?")
_DOUBLE = r'"[^"\\]*(?:\\[\\"nt][^"\\]*)*"'
_SINGLE = r"'(?:[^']|'')*'"
_END = r"(?: +#.*| *)"  # a comment needs a space before it
_PLAIN = re.compile(rf"((?:[\w(]|[-+.][0-9])[^#: ]*(?: +[^#: ]+)*){_END}")
_FLOW_ITEM = rf"{_DOUBLE}|{_SINGLE}|(?:[\w(]|[-+.][0-9])[^#:,\[\]{{}}\"']*?"
_FLOW_SEQ = re.compile(rf"\[( *(?:(?:{_FLOW_ITEM}) *(?:, *(?:{_FLOW_ITEM}) *)*)?)\]{_END}")
_FLOW_MAP = re.compile(
    rf"\{{( *(?:{_KEY_TEXT}: +(?:{_FLOW_ITEM}) *(?:, *{_KEY_TEXT}: +(?:{_FLOW_ITEM}) *)*)?)\}}{_END}"
)
# One item (and its key, in a map) of a body validated by the patterns above, with a "," appended
_FLOW_PART = re.compile(rf"(?:({_KEY_TEXT}): +)?({_FLOW_ITEM}) *,")
_QUOTED = re.compile(rf"({_DOUBLE}|{_SINGLE}){_END}")
# Every line of a file in one pass (one match per line, so line n is match n - 1): its indent, then either a key with
# a value of the two common shapes, "text" without escapes (group 3) or a bare word or number (group 4), or else the
# rest of the line (group 5) for the line-by-line reader. A bare value has no "#" or ":", so no comment and no key.
_LINE = re.compile(rf'^( *)(?:({_KEY_TEXT}): +(?:"([^"\\\n]*)"|(\w(?:[^#:\n]*[^#:\n ])?)) *$|(.*))', re.M)
_ESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\t": "\t"}
_ESCAPE = re.compile(r"\\.")
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null")}
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


# PyYAML's live table of implicit types (int, bool, null...), keyed by the first character they can start with
_IMPLICIT = _RESOLVER.yaml_implicit_resolvers


# Numbers and keywords are short and repeat; ids are long and each is read once. Caching only the short ones keeps
# the cache from churning (at 100k positions, ids starting with t/n/o evicted every number before it was reused).
_CACHED_LENGTH = 16


def _plain(value: str) -> Any:
    """A plain scalar, resolved and built by PyYAML's own rules."""
    if value[0] not in _IMPLICIT and None not in _IMPLICIT:
        return value  # no implicit type starts with this character, so it stays text (most ids and words)
    return _resolved(value) if len(value) <= _CACHED_LENGTH else _resolve(value)


def _resolve(value: str) -> Any:
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag == _STR_TAG:
        return value
    if tag not in _SCALAR_TAGS:
        raise _Fallback
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))


_resolved = functools.lru_cache(maxsize=1 << 14)(_resolve)  # bounded so a long-lived bot stays lean


def _line_dict(line: int) -> LineDict:
    result = LineDict()
    result.line = line
    result.key_lines = {}
    return result


@functools.lru_cache(maxsize=1024)
def _key(text: str) -> str:
    """A mapping key, resolved as _construct_mapping does: "yes" is True, so "True"."""
    if len(text) > 1000 or not _KEY_NAME.fullmatch(text):
        raise _Fallback  # quoted or complex keys, and YAML's cap of 1024 characters, are the full loader's
    return str(_plain(text))


def _put(mapping: LineDict, key_text: str, value: Any, line: int) -> None:
    key = _key(key_text)
    if key in mapping:
        raise _Fallback
    mapping[key] = value
    mapping.key_lines[key] = line


def _quoted(token: str) -> str:
    body = token[1:-1]
    if token[0] == "'":
        return body.replace("''", "'")
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], body) if "\\" in body else body


def _flow_scalar(token: str) -> Any:
    return _quoted(token) if token[0] in "\"'" else _plain(token)


def _inline(text: str, line: int) -> Any:
    """A value written on the key's own line."""
    first = text[0]
    if first in "\"'":
        match = _QUOTED.fullmatch(text)
        if match:
            return _quoted(match[1])
    elif first == "[":
        match = _FLOW_SEQ.fullmatch(text)
        if match:
            return [_flow_scalar(part[2]) for part in _FLOW_PART.finditer(match[1] + ",")]
    elif first == "{":
        match = _FLOW_MAP.fullmatch(text)
        if match:
            result = _line_dict(line)
            for part in _FLOW_PART.finditer(match[1] + ","):
                _put(result, part[1], _flow_scalar(part[2]), line)
            return result
    else:
        match = _PLAIN.fullmatch(text)
        if match:
            return _plain(match[1])
    raise _Fallback


def _inside_subset(text: str) -> bool:
    if text.isascii():  # most files: only control characters are outside, and isprintable() finds them in C
        return text.replace("\n", "").isprintable()
    return not _OUTSIDE_SUBSET.search(text)


def _is_item(content: str) -> bool:
    return content == "-" or content.startswith("- ")


class _FastReader:
    def __init__(self, text: str):
        if not _inside_subset(text) or _RESOLVER.yaml_path_resolvers:
            raise _Fallback
        # (indent, key, "text" body, bare value, other content) of every line: line n is self.lines[n - 1]
        self.lines: list[tuple[str, str, str, str, str]] = _LINE.findall(text)
        self.at = 0

    def peek(self) -> tuple[int, str] | None:
        """Skip blank and comment lines: the next line's indent and content ("" for a key line _LINE split), or None."""
        lines = self.lines
        while self.at < len(lines):
            indent_text, key_text, _, _, other = lines[self.at]
            if key_text or (other and other[0] != "#"):
                return len(indent_text), other.rstrip(" ")
            self.at += 1
        return None

    def document(self) -> Any:
        first = self.peek()
        if first is None:
            return None
        if first[0] != 0:
            raise _Fallback
        value = self.block(0, first[1])
        if self.peek() is not None:
            raise _Fallback
        return value

    def block(self, indent: int, content: str) -> Any:
        return self.sequence(indent) if _is_item(content) else self.mapping(indent)

    def mapping(self, indent: int) -> LineDict:
        lines = self.lines
        at = self.at  # a local while on this level: this loop runs once per line of the file
        end = len(lines)
        result = _line_dict(at + 1)
        key_lines = result.key_lines
        while at < end:
            indent_text, key_text, quoted, bare, other = lines[at]
            if not key_text and (not other or other[0] == "#"):
                at += 1  # a blank or comment line
                continue
            at_indent = len(indent_text)
            if at_indent != indent:
                if at_indent > indent:
                    raise _Fallback
                break
            number = at + 1
            if key_text:  # the common shapes, already split by _LINE
                key = _key(key_text)
                value = _plain(bare) if bare else quoted
                at += 1
            else:
                key_text, colon, rest = other.rstrip(" ").partition(":")
                if not colon or (rest and rest[0] != " "):
                    raise _Fallback  # "a:b" is one plain scalar, not a key and a value
                key = _key(key_text)
                rest = rest.lstrip(" ")
                if rest and rest[0] != "#":
                    value = _inline(rest, number)
                    at += 1
                else:
                    self.at = at + 1
                    value = self.nested(indent)
                    at = self.at
            if key in result:
                raise _Fallback
            result[key] = value
            key_lines[key] = number
        self.at = at
        return result

    def nested(self, indent: int) -> Any:
        """The value of a key with nothing after it: a block below it (a list may sit at its own indent), or null."""
        peeked = self.peek()
        if peeked is None:
            return None
        below, content = peeked
        if below > indent:
            return self.block(below, content)
        if below == indent and _is_item(content):
            return self.sequence(indent)
        return None

    def sequence(self, indent: int) -> list[Any]:
        result: list[Any] = []
        while (peeked := self.peek()) is not None:
            at_indent, content = peeked
            if at_indent != indent or not content.startswith("- "):
                if at_indent > indent or (at_indent == indent and content == "-"):
                    raise _Fallback
                break
            item = content[2:].lstrip(" ")
            if not item or item[0] in "#-":
                raise _Fallback  # a nested block under the dash: left to the full loader
            if _KEY.fullmatch(item):
                # "- key: value" opens a mapping whose keys line up with this first one: its line is read as if
                # the key stood alone at that column
                column = indent + len(content) - len(item)
                self.lines[self.at] = _LINE.match(" " * column + item).groups("")  # type: ignore[union-attr]
                result.append(self.mapping(column))
            else:
                result.append(_inline(item, self.at + 1))
                self.at += 1
        return result


def read_text(path: Path, field: str = "file") -> str:
    """Read a UTF-8 file, turning every way it can fail into one DataError line."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DataError.single(path, 1, field, f"file is larger than {MAX_FILE_BYTES} bytes")
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError.single(path, 1, field, f"cannot read: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError.single(path, line, field, "not valid UTF-8 text") from None


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; mappings come back as LineDict."""
    text = read_text(path)
    if "\t" in text:
        # YAML forbids tabs for indentation; name the line rather than let the parser guess.
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                raise DataError.single(path, number, "indentation", "tab used for indentation; use spaces")
    try:
        return _FastReader(text).document()
    except _Fallback:
        pass
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        reason = (exc.problem or exc.context or "invalid YAML").strip()
        raise DataError.single(path, line, "yaml", reason) from None
    except yaml.YAMLError as exc:
        raise DataError.single(path, 1, "yaml", str(exc).splitlines()[0]) from None
