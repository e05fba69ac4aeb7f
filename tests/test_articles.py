"""Reading articles: front matter, JSONL (with its bad lines), folders, and the inputs we refuse."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from polgraph.articles import iter_articles, parse_text, read_articles
from polgraph.errors import InputError
from polgraph.model import Article

SEED_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def read(*paths: Path) -> list[Article | InputError]:
    return list(iter_articles(paths))


# ---- .txt / .md with front matter ---------------------------------------------------------------

def test_front_matter_fills_the_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", '---\ntitle: "Bail for \\"plotters\\""\nurl: https://example.org/a\n'
                 "published: 2019-11-14T08:30:00Z\npublisher: 'CamboJA'\n---\nHun Sen spoke.\n")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.id == "a"
    assert article.title == 'Bail for "plotters"'
    assert article.url == "https://example.org/a"
    assert article.published == date(2019, 11, 14)
    assert article.publisher == "CamboJA"
    assert article.text == "Hun Sen spoke.\n"
    assert article.source == str(path)


def test_front_matter_id_overrides_the_file_name(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "file-name.txt", "---\nid: my-id\n---\nText.\n"))
    assert article.id == "my-id"


def test_article_without_front_matter_or_date(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "plain.txt", "Sam Rainsy returned.\r\nHe spoke.\r\n"))
    assert article == Article(id="plain", text="Sam Rainsy returned.\nHe spoke.\n",
                              source=str(tmp_path / "plain.txt"))
    assert article.published is None and article.title is None


def test_unterminated_front_matter_is_body_text(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "a.txt", "---\ntitle: x\nno closing line\n"))
    assert article.title is None
    assert article.text.startswith("---")


def test_the_seed_article_reads_with_its_metadata() -> None:
    [article] = read_articles([SEED_ARTICLES])
    assert article.id == "cambojanews-2019-11-14-hun-sen-bail"
    assert article.published == date(2019, 11, 14)
    assert article.title and article.title.startswith("Hun Sen orders bail")
    assert article.url and article.url.startswith("https://cambojanews.com/")
    assert "Kem Sokha" in article.text and not article.text.startswith("---")


def test_bad_published_date_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\npublished: 14/11/2019\n---\nText.\n")
    [error] = read(path)
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{path}: ") and "14/11/2019" in str(error) and "ISO date" in str(error)


def test_other_names_for_the_publication_date_and_url(tmp_path: Path) -> None:
    """Hugo/Jekyll `date`, schema.org `datePublished`, RSS `pubDate` (RFC 2822) and `link`: an article
    exported by such a tool keeps its date, so its relative dates can resolve."""
    md = write(tmp_path / "hugo.md", "---\ntitle: x\ndate: 2022-03-04T10:00:00+02:00\n---\nText.\n")
    feed = write(tmp_path / "feed.jsonl", json.dumps({"id": "r", "text": "Text.", "link": "https://example.org/r",
                                                      "pubDate": "Fri, 04 Mar 2022 23:30:00 -0500"}) + "\n"
                 + json.dumps({"id": "s", "text": "Text.", "DatePublished": "2021-05-06"}) + "\n"
                 + json.dumps({"id": "t", "text": "Text.", "published": "2020-01-02", "date": "2021-01-01"}) + "\n")
    hugo, rss, schema, both = read(md, feed)
    assert hugo.published == date(2022, 3, 4)
    assert rss.published == date(2022, 3, 4) and rss.url == "https://example.org/r"  # the date as written
    assert schema.published == date(2021, 5, 6)
    assert both.published == date(2020, 1, 2)  # `published` first


def test_bad_date_under_another_name_names_that_key(tmp_path: Path) -> None:
    [error] = read(write(tmp_path / "a.txt", "---\ndate: last Tuesday\n---\nText.\n"))
    assert isinstance(error, InputError) and "bad 'date' date 'last Tuesday'" in str(error)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "a.txt", "Mu Sochua wrote.".encode("utf-16")))
    assert isinstance(article, Article) and article.text == "Mu Sochua wrote."


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("empty.txt", "   \n", "empty"),
    ("binary.txt", b"\x00\x01\x02abc", "binary"),
    ("latin1.txt", "Malmström".encode("latin-1"), "UTF-8"),
    ("notes.pdf", "text", "unsupported file type .pdf"),
])
def test_bad_files_give_one_error_naming_them(tmp_path: Path, name: str, content: str | bytes,
                                              needle: str) -> None:
    path = write(tmp_path / name, content)
    [error] = read(path)
    assert isinstance(error, InputError)
    assert str(error).startswith(str(path)) and needle in str(error)


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    [error] = read(tmp_path / "nope.txt")
    assert isinstance(error, InputError) and "no such file" in str(error)


# ---- .jsonl ------------------------------------------------------------------------------------

def test_jsonl_yields_articles_and_one_error_per_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Hun Sen spoke.", "published": "2019-11-14", "title": "T"}),
        "",
        "{not json",
        json.dumps({"id": "a2", "title": "no text"}),
        json.dumps({"id": "a3", "text": "x", "published": "yesterday"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "No id, no date."}),
        json.dumps({"id": "a5", "text": 42}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = read(path)
    articles = [i for i in items if isinstance(i, Article)]
    errors = {str(i) for i in items if isinstance(i, InputError)}
    assert [(a.id, a.published) for a in articles] == [("a1", date(2019, 11, 14)), ("batch-7", None)]
    assert articles[0].source == f"{path}:1" and articles[0].title == "T"
    assert len(errors) == 5
    for line, needle in ((3, "malformed JSON"), (4, "missing 'text'"), (5, "bad 'published' date"),
                         (6, "JSON object"), (8, "'text' is not a string")):
        assert any(e.startswith(f"{path}:{line}: ") and needle in e for e in errors), (line, errors)


def test_read_articles_raises_the_first_error(tmp_path: Path) -> None:
    write(tmp_path / "b.jsonl", '{"id": "ok", "text": "x"}\n{oops\n')
    with pytest.raises(InputError, match=r"b\.jsonl:2: malformed JSON"):
        read_articles([tmp_path / "b.jsonl"])


# ---- folders -----------------------------------------------------------------------------------

def test_folders_are_read_recursively_in_order_and_skip_other_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B text.")
    write(tmp_path / "a.md", "A text.")
    write(tmp_path / "sub" / "c.jsonl", '{"id": "c", "text": "C text."}\n')
    write(tmp_path / "sub" / "image.png", b"\x89PNG")
    write(tmp_path / "README", "not an article")
    assert [a.id for a in read_articles([tmp_path])] == ["a", "b", "c"]


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    [error] = read(tmp_path / "empty")
    assert isinstance(error, InputError) and "no .txt, .md or .jsonl" in str(error)


def test_parse_text_keeps_offsets_of_the_body() -> None:
    article = parse_text("---\ntitle: T\n---\nBody here.", default_id="x")
    assert article.text == "Body here." and article.title == "T"


def test_content_hash_changes_with_text_and_metadata(sample_article: Article) -> None:
    from dataclasses import replace

    assert len(sample_article.content_hash) == 64
    assert replace(sample_article, source="elsewhere").content_hash == sample_article.content_hash
    assert replace(sample_article, text=sample_article.text + " ").content_hash != sample_article.content_hash
    assert replace(sample_article, published=None).content_hash != sample_article.content_hash


def test_one_path_given_as_a_string_is_one_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Sam Rainsy returned to Cambodia.", encoding="utf-8")
    assert [a.id for a in read_articles(str(tmp_path / "a.txt"))] == ["a"]
    assert [a.id for a in read_articles(tmp_path)] == ["a"]
