import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.components import gguf
from service.components.gguf import BundledModel, assemble_gguf
from service.errors import ModelUnavailableError

pytestmark = pytest.mark.unit


def make_part_packages(root: Path, parts: list[bytes]) -> tuple[str, ...]:
    names = []
    for number, data in enumerate(parts, start=1):
        name = f"citewire_test_part{number}"
        package = root / name
        package.mkdir()
        (package / "part.bin").write_bytes(data)
        (package / "__init__.py").write_text(
            "from pathlib import Path\ndef get_part_path():\n    return str(Path(__file__).with_name('part.bin'))\n"
        )
        names.append(name)
    return tuple(names)


@pytest.fixture()
def parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, ...]]:
    monkeypatch.syspath_prepend(str(tmp_path))
    names = make_part_packages(tmp_path, [b"GGUF-head-", b"middle-", b"tail"])
    yield names
    for name in names:
        sys.modules.pop(name, None)


def test_parts_are_joined_in_order_and_verified(
    parts: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    digest = hashlib.sha256(b"GGUF-head-middle-tail").hexdigest()
    monkeypatch.setitem(gguf.BUNDLED_MODELS, "tiny", BundledModel("tiny", parts, digest))
    path = assemble_gguf("tiny", tmp_path / "cache")
    assert path.read_bytes() == b"GGUF-head-middle-tail"
    assert assemble_gguf("tiny", tmp_path / "cache") == path  # assembled once


def test_a_checksum_mismatch_leaves_nothing_behind(
    parts: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(gguf.BUNDLED_MODELS, "tiny", BundledModel("tiny", parts, "0" * 64))
    with pytest.raises(ModelUnavailableError, match="sha256"):
        assemble_gguf("tiny", tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_an_unknown_model_names_the_bundled_ones(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match=r"qwen2\.5-coder-0\.5b, qwen2\.5-coder-1\.5b"):
        assemble_gguf("gpt-9", tmp_path)
