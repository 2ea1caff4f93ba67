"""Downloading a roadmap, with the standard library's urllib: no dependency to install,
and loaded only when a roadmap is fetched (never by `review` or the app's start).

Only http and https, redirects followed only to http(s) addresses, a time limit on
connecting and on each read, and at most MAX_BYTES read: a larger answer is refused.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from dlroadmap import __version__
from dlroadmap.common.printable import printable
from dlroadmap.errors import RoadmapError
from dlroadmap.fetch.hosts import markdown_urls
from dlroadmap.roadmap.source import MAX_BYTES, markdown_text

TIMEOUT_SECONDS = 15.0
_SCHEMES = ("http", "https")
_NOT_FOUND = (404, 410)


class FetchError(RoadmapError):
    """A roadmap could not be had from its URL: said in one line."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(url, problem)
        self.url = url

    def __str__(self) -> str:
        return f"Cannot fetch {printable(self.url)}: {self.problem}"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as the user gave it
    found_at: str  # where the markdown was (a raw file, a README)
    text: str


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed to http and https addresses only (urllib would go to ftp too)."""

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> Any:
        target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        if urlsplit(target).scheme.casefold() not in _SCHEMES:
            raise FetchError(
                req.full_url, f"it redirects to {printable(target)}, which is not http(s)."
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _checked(url: str) -> str:
    try:
        scheme = urlsplit(url).scheme
    except ValueError:  # an unclosed [ (an IPv6 host)
        raise FetchError(url, "it is not a web address.") from None
    if scheme.casefold() not in _SCHEMES:
        raise FetchError(url, "only http and https addresses can be fetched.")
    return url


def _read(url: str, timeout: float) -> bytes:
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": f"dlroadmap/{__version__}"})
    with opener.open(request, timeout=timeout) as answer:
        size = answer.headers.get("Content-Length")
        if size is not None and size.isdigit() and int(size) > MAX_BYTES:
            raise FetchError(url, f"it is larger than {MAX_BYTES // 2**20} MiB; not a roadmap.")
        data: bytes = answer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FetchError(url, f"it is larger than {MAX_BYTES // 2**20} MiB; not a roadmap.")
    return data


def _why(error: Exception, timeout: float) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"the server answered {error.code} {error.reason}."
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s."
    if isinstance(reason, socket.gaierror):
        return "the host name could not be looked up (offline?)."
    text = getattr(reason, "strerror", None) or str(reason)
    return f"it could not be reached ({text})."


def fetch(url: str, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """The markdown at `url` (a raw file, or a repository's README); FetchError if none."""
    url = _checked(url.strip())
    tried = markdown_urls(url)
    for index, address in enumerate(tried):
        try:
            data = _read(address, timeout)
        except urllib.error.HTTPError as error:
            if error.code in _NOT_FOUND and index + 1 < len(tried):
                continue  # the next README name, or branch
            raise FetchError(url, _why(error, timeout)) from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise FetchError(url, _why(error, timeout)) from None
        try:
            return Fetched(url, address, markdown_text(data, address))
        except RoadmapError as error:
            raise FetchError(url, error.problem) from None
    raise FetchError(url, "no markdown was found there.")
