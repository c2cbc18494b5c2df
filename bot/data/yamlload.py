"""Load YAML with PyYAML, keeping the line of every mapping and key so errors can name ``file:line``."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..errors import DataError

MAX_FILE_BYTES = 2 * 1024 * 1024


class LineDict(dict):
    """A dict that remembers where it and each of its keys stood in the YAML file."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


@cache
def _line_loader() -> type:
    """PyYAML's safe loader (the C one where libyaml is there) with mappings as LineDicts. Made on first use:
    a record served from the load cache never imports yaml."""
    import yaml

    text_tag = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        # A text scalar is its node's value, as SafeConstructor makes it: only other nodes need
        # construct_object's bookkeeping (anchors, recursion, tags), which for the 1.4 million text keys and
        # values of a 100,000-position record was a tenth of the time spent reading its files.
        if node.tag == text_tag and isinstance(node, yaml.ScalarNode):
            return node.value
        return loader.construct_object(node, deep=True)

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = construct(loader, key_node)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be plain text", key_node.start_mark
                )
            key = str(key)
            if key in result:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            result[key] = construct(loader, value_node)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    loader = type("LineLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return loader


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
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        reason = (exc.problem or exc.context or "invalid YAML").strip()
        raise DataError.single(path, line, "yaml", reason) from None
    except yaml.YAMLError as exc:
        raise DataError.single(path, 1, "yaml", str(exc).splitlines()[0]) from None
