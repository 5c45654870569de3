"""Take-back documents for one school, in a registry: doc id -> builder, title, file name and type.

    build("council_pdf", event, school_id, help_url) -> (bytes, filename, mimetype)
    build_zip(event, school_id, help_url) -> bytes        # every document of that school
    documents_for(event, school_id) -> [{id, title, format, filename, mimetype}]
    slug("Brookfield High School") -> "brookfield-high-school"

Every builder reads only services.packs.pack_data (approved, masked text) and is called inside an
app context. Unreleased packs are marked "DRAFT - not yet released" on every document.
"""
import hashlib
import io
import json
import threading
import zipfile
from collections import OrderedDict
from typing import Callable, NamedTuple

from ..services.events import get_school
from ..services.packs import pack_data
from . import article, common, council, leaflet, tasks

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
MARKDOWN = "text/markdown"


class Document(NamedTuple):
    title: str
    builder: Callable  # builder(pack_data, help_url) -> bytes
    name: str  # the middle of the file name
    ext: str
    mimetype: str
    format: str


DOCUMENTS = {
    "article_docx": Document("School magazine article kit (Word)", article.article_docx, "article-kit", "docx",
                             DOCX, "Word"),
    "article_md": Document("School magazine article kit (Markdown)", article.article_md, "article-kit", "md",
                           MARKDOWN, "Markdown"),
    "council_pdf": Document("Pupil council pack (PDF)", council.council_pdf, "council-pack", "pdf", PDF, "PDF"),
    "council_docx": Document("Pupil council pack (Word)", council.council_docx, "council-pack", "docx", DOCX,
                             "Word"),
    "leaflet_pdf": Document("Information for the whole school: A4 leaflet (PDF)", leaflet.leaflet_pdf,
                            "school-leaflet-a4", "pdf", PDF, "PDF"),
    "poster_pdf": Document("Information for the whole school: A3 poster (PDF)", leaflet.poster_pdf,
                           "school-poster-a3", "pdf", PDF, "PDF"),
    "tasks_pdf": Document("Your three tasks back at school (PDF)", tasks.tasks_pdf, "three-tasks", "pdf", PDF,
                          "PDF"),
}
slug = common.slugify  # ASCII-safe names for folders and files


def filename(doc_id, event, school):
    """e.g. 'brookfield-high-school_council-pack_2026-11-12.pdf' (ASCII only)."""
    document = DOCUMENTS[doc_id]
    return common.document_filename(event, school, document.name, document.ext)


CACHE_SIZE = 128
_cache = OrderedDict()  # (doc_id, digest of the data) -> bytes; per process
_cache_lock = threading.Lock()


def data_digest(doc_id, data, help_url):
    """Same data, same document: the digest of everything a builder reads."""
    payload = json.dumps([doc_id, data, help_url], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def cached_build(doc_id, data, help_url):
    """Build once per version of the data: PDFs cost 0.2-0.9 s of CPU, which under gevent would stall
    every live socket; a hundred pupils fetching their tasks page then cost one build, not a hundred."""
    key = data_digest(doc_id, data, help_url)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    content = DOCUMENTS[doc_id].builder(data, help_url)
    with _cache_lock:
        _cache[key] = content
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return content


def render(doc_id, data, help_url):
    """Build one document from pack data already read: (bytes, filename, mimetype)."""
    document = DOCUMENTS[doc_id]
    content = cached_build(doc_id, data, help_url)
    return content, filename(doc_id, data["event"], data["school"]), document.mimetype


def build(doc_id, event, school_id, help_url):
    """One document of one school; an unknown doc_id raises KeyError before anything is read."""
    DOCUMENTS[doc_id]
    return render(doc_id, pack_data(event, school_id), help_url)


def build_zip(event, school_id, help_url):
    """Every document of one school in a zip file."""
    data = pack_data(event, school_id)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc_id in DOCUMENTS:
            content, name, _mimetype = render(doc_id, data, help_url)
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_filename(event, school_id):
    """e.g. 'brookfield-high-school_take-back-pack_2026-11-12.zip'."""
    return common.document_filename(event, get_school(event["id"], school_id), "take-back-pack", "zip")


def documents_for(event, school_id):
    """The documents one school can download, with their titles, formats and file names."""
    school = get_school(event["id"], school_id)
    return [{"id": doc_id, "title": d.title, "format": d.format, "filename": filename(doc_id, event, school),
             "mimetype": d.mimetype} for doc_id, d in DOCUMENTS.items()]
