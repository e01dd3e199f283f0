"""Where the map's JavaScript and CSS come from, so that the map works without internet.

folium points every element at public CDNs. The build (`make assets`, i.e. `python -m geo.assets`)
installs the packages pinned in package.json from the npm registry and copies the files the map uses
into `static/vendor/`, which Streamlit serves at `/app/static/vendor/...`. `localize` swaps folium's
`default_js` / `default_css` of every element of a map for those addresses (mode "app"), for the
files' contents inlined in the page (mode "inline", the standalone HTML), or for the CDN (mode "cdn",
for hosts without npm, which are online). Nothing vendored is committed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure

__all__ = [
    "APP_STATIC_URL",
    "ASSETS",
    "UNUSED",
    "VENDOR_DIR",
    "Asset",
    "AssetError",
    "asset_mode",
    "build",
    "inline_tags",
    "localize",
    "publish_json",
    "published_json",
    "vendor_ready",
]

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR_DIR = ROOT / "static" / "vendor"
APP_STATIC_URL = "/app/static/vendor"
CACHE_DIR = ROOT / "static" / "cache"
CACHE_URL = "/app/static/cache"
CACHE_MAX_AGE_S = 24 * 3600
CDN = "https://cdn.jsdelivr.net/npm"


class AssetError(RuntimeError):
    """The vendored assets could not be built (npm missing, a package without the expected file)."""


@dataclass(frozen=True, slots=True)
class Asset:
    """One file of an npm package that a folium element needs, under folium's name for it."""

    name: str
    kind: str  # "js" or "css"
    package: str
    path: str  # inside the package

    @property
    def vendor_path(self) -> Path:
        return VENDOR_DIR / self.package / Path(self.path).name

    @property
    def app_url(self) -> str:
        return f"{APP_STATIC_URL}/{self.package}/{Path(self.path).name}"

    @property
    def cdn_url(self) -> str:
        return f"{CDN}/{self.package}@{_versions().get(self.package, 'latest')}/{self.path}"


# folium's names (the first item of each default_js / default_css pair) to the files we serve.
ASSETS: dict[str, Asset] = {
    a.name: a
    for a in (
        Asset("leaflet", "js", "leaflet", "dist/leaflet.js"),
        Asset("leaflet_css", "css", "leaflet", "dist/leaflet.css"),
        Asset("markerclusterjs", "js", "leaflet.markercluster", "dist/leaflet.markercluster.js"),
        Asset("markerclustercss", "css", "leaflet.markercluster", "dist/MarkerCluster.css"),
        Asset("markerclusterdefaultcss", "css", "leaflet.markercluster", "dist/MarkerCluster.Default.css"),
    )
}
# Folders copied whole beside the files (Leaflet's CSS finds the layer-control icon there).
EXTRA_DIRS = {"leaflet": "dist/images"}
# What folium's Map loads for features we do not use (Bootstrap popups, Font Awesome icons): dropped.
UNUSED = frozenset(
    {
        "jquery",
        "bootstrap",
        "awesome_markers",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers_font_css",
        "awesome_markers_css",
        "awesome_rotate_css",
    }
)
MODES = ("app", "inline", "cdn")


@cache
def _versions() -> dict[str, str]:
    """Pinned versions from package.json, so that the CDN fallback loads the same code."""
    try:
        return dict(json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"])
    except (OSError, ValueError, KeyError):
        return {}


def vendor_ready() -> bool:
    """True when every asset has been copied into static/vendor/."""
    return all(a.vendor_path.is_file() for a in ASSETS.values())


def asset_mode(requested: str = "auto") -> str:
    """ "auto" is "app" when the vendored files are there, else "cdn" (a host without npm is online)."""
    if requested == "auto":
        return "app" if vendor_ready() else "cdn"
    if requested not in MODES:
        raise ValueError(f"unknown asset mode {requested!r}; expected one of {', '.join(MODES)} or 'auto'")
    return requested


def _elements(root: Element) -> Iterator[Element]:
    yield root
    for child in list(getattr(root, "_children", {}).values()):
        yield from _elements(child)


def _swap(pairs: list[tuple[str, str]], mode: str, needed: dict[str, Asset]) -> list[tuple[str, str]]:
    out = []
    for name, url in pairs:
        if name in UNUSED:
            continue
        asset = ASSETS.get(name)
        if asset is None:
            out.append((name, url))  # an element we do not vendor: keep its own address
        elif mode == "inline":
            needed.setdefault(name, asset)
        else:
            out.append((name, asset.app_url if mode == "app" else asset.cdn_url))
    return out


def localize(fmap: folium.Map | Element, mode: str = "auto") -> str:
    """Point every element of `fmap` at our copies of its assets; returns the mode used.

    Instance attributes shadow folium's class-level `default_js` / `default_css`, so other maps in the
    process are untouched. In "inline" mode the files' contents go into the figure's header.
    """
    mode = asset_mode(mode)
    needed: dict[str, Asset] = {}
    for element in _elements(fmap):
        if hasattr(element, "default_js"):
            element.default_js = _swap(list(element.default_js), mode, needed)
        if hasattr(element, "default_css"):
            element.default_css = _swap(list(element.default_css), mode, needed)
    if mode == "inline":
        figure = fmap.get_root()
        if isinstance(figure, Figure):
            figure.header.add_child(Element(inline_tags(needed.values())), name="troopmap_inline_assets", index=0)
    return mode


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _inline_css(asset: Asset) -> str:
    css = asset.vendor_path.read_text(encoding="utf-8")

    def repl(match: re.Match[str]) -> str:
        target = asset.vendor_path.parent / match.group(1)
        return f"url({_data_uri(target)})" if target.is_file() else match.group(0)

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", repl, css)
    return css.replace("</", "<\\/")


def inline_tags(assets: Iterator[Asset] | list[Asset] | tuple[Asset, ...] | object) -> str:
    """`<style>` and `<script>` tags holding the assets' contents (CSS first, then JS, in order)."""
    chosen = list(assets)  # type: ignore[call-overload]
    if not all(a.vendor_path.is_file() for a in chosen):
        raise AssetError("static/vendor/ is incomplete: run `make assets` (npm) before writing a standalone map")
    css = [f"<style>{_inline_css(a)}</style>" for a in chosen if a.kind == "css"]
    js = [
        "<script>" + a.vendor_path.read_text(encoding="utf-8").replace("</script", "<\\/script") + "</script>"
        for a in sorted(chosen, key=lambda a: a.name != "leaflet")
        if a.kind == "js"
    ]
    return "\n".join(css + js)


def published_json(kind: str, key: str) -> str | None:
    """The /app/static URL of what `publish_json(kind, ..., key=key)` wrote, if it is still there (else None).

    Lets a caller that knows what the payload would be built from (a store revision) skip building it.
    """
    target = CACHE_DIR / f"{kind}-k{key}.json"
    try:
        if not target.is_file():
            return None
        os.utime(target)  # in use: not old, so the clean-up of other publishers leaves it alone
    except OSError:
        return None
    return f"{CACHE_URL}/{target.name}"


def publish_json(kind: str, payload: Any, *, key: str | None = None) -> str | None:
    """Write `payload` as JSON under static/cache/ and return its /app/static URL.

    The file is named by the payload's hash, or by `key` when given (a digest of what the payload is
    built from, so that `published_json` finds it without building it again). The map fetches its event
    table from there once instead of receiving megabytes through the websocket on every filter change.
    None when the folder cannot be written (the caller inlines).
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    digest = f"k{key}" if key else hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
    name = f"{kind}-{digest}.json"
    target = CACHE_DIR / name
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        if not target.is_file():
            tmp = target.with_suffix(f".{os.getpid()}.part")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)
        now = time.time()
        for old in CACHE_DIR.glob(f"{kind}-*.json"):
            if old != target and now - old.stat().st_mtime > CACHE_MAX_AGE_S:
                old.unlink(missing_ok=True)
    except OSError:
        return None
    return f"{CACHE_URL}/{name}"


def build(*, npm: str = "npm", node_modules: Path = NODE_MODULES) -> list[Path]:
    """Install the pinned packages from the npm registry (when needed) and copy the map's files into static/vendor/."""
    if not all((node_modules / a.package / a.path).is_file() for a in ASSETS.values()):
        exe = shutil.which(npm)
        if exe is None:
            raise AssetError("npm is not installed: the map will load Leaflet from its CDN instead")
        lock = (ROOT / "package-lock.json").is_file()
        cmd = [exe, "ci" if lock else "install", "--no-audit", "--no-fund", "--loglevel=error"]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise AssetError(f"{' '.join(cmd)} failed: {done.stderr.strip()[-2000:]}")
    copied: list[Path] = []
    for asset in ASSETS.values():
        src = node_modules / asset.package / asset.path
        if not src.is_file():
            raise AssetError(f"{asset.package} has no {asset.path}: check the version pinned in package.json")
        asset.vendor_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, asset.vendor_path)
        copied.append(asset.vendor_path)
    for package, folder in EXTRA_DIRS.items():
        src_dir = node_modules / package / folder
        if src_dir.is_dir():
            dest = VENDOR_DIR / package / Path(folder).name
            shutil.copytree(src_dir, dest, dirs_exist_ok=True)
            copied.append(dest)
    return copied


def main() -> int:
    try:
        copied = build()
    except AssetError as exc:
        print(f"assets: {exc}", file=sys.stderr)
        return 1
    print(f"assets: {len(copied)} file(s) in {VENDOR_DIR.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
