"""Fetching models from the hub, on connected machines only (`quotes models download`)."""

from __future__ import annotations

import os
from pathlib import Path

from quotes.translate.registry import (
    BERGAMOT_SOURCE,
    DOWNLOAD_PATTERNS,
    DOWNLOAD_TIMEOUT,
    DownloadError,
    bergamot_pair,
    one_line,
)

# --- downloading (connected machines only) ---------------------------------------------------


def download_dir(name: str, model_dir: Path) -> Path:
    """Where `models download --model-dir` puts a model: the hub name flattened."""
    return model_dir.expanduser() / name.replace("/", "--")


def download_model(name: str, model_dir: Path | None, *, timeout: float = DOWNLOAD_TIMEOUT) -> Path:
    """Fetch a model from the hub into `model_dir` (or the Hugging Face cache); the path.

    Asks the hub first, with a short timeout and no retries, so an unreachable hub gives
    one line at once instead of a fallback to whatever partial copy is on disk.
    """
    pair = bergamot_pair(name)
    if pair is not None:
        return _download_bergamot(name, pair, model_dir)
    from huggingface_hub import HfApi, constants, snapshot_download

    # The library reads its settings from the environment once, at import; the endpoint
    # is read here so that HF_ENDPOINT set afterwards (a mirror, the tests) still counts.
    endpoint = os.environ.get("HF_ENDPOINT") or constants.ENDPOINT
    if constants.HF_HUB_OFFLINE:
        raise DownloadError(f"cannot download {name}: HF_HUB_OFFLINE is set; unset it to download")
    read_timeout = constants.HF_HUB_DOWNLOAD_TIMEOUT
    constants.HF_HUB_DOWNLOAD_TIMEOUT = int(timeout)  # per file; no per-call argument
    try:
        info = HfApi(endpoint=endpoint).model_info(name, timeout=timeout)
        found = snapshot_download(
            name,
            revision=info.sha,
            local_dir=str(download_dir(name, model_dir)) if model_dir else None,
            allow_patterns=list(DOWNLOAD_PATTERNS),
            endpoint=endpoint,
            etag_timeout=timeout,
        )
    # Network, HTTP and file-system errors all end the same way: one line per model.
    except Exception as exc:
        raise DownloadError(f"cannot download {name} from {endpoint}: {one_line(exc)}") from None
    finally:
        constants.HF_HUB_DOWNLOAD_TIMEOUT = read_timeout
    return Path(str(found))


def _download_bergamot(name: str, pair: tuple[str, str], model_dir: Path | None) -> Path:
    """A Firefox Translations model through fxtranslate (Mozilla's model records), into
    `model_dir/<src>-<trg>` or fxtranslate's own cache, where `verify` looks too."""
    try:
        from fxtranslate import Cache, discovery
    except ImportError:
        raise DownloadError(
            f"cannot download {name}: fxtranslate is not installed; it comes from "
            + BERGAMOT_SOURCE.format(language=pair[0])
        ) from None
    cache_dir = str(model_dir.expanduser()) if model_dir else None
    try:
        discovery.add_models(*pair, cache_dir=cache_dir, progress=False)
        root = Path(Cache(cache_dir).root)
    # The engine reports network, record and checksum failures all as ValueError.
    except (ValueError, OSError) as exc:
        raise DownloadError(f"cannot download {name}: {one_line(exc)}") from None
    return root / "-".join(pair)
