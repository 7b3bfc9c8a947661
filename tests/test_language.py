"""The language check (claimx.read.language) and what extract does with an
article not in English. Sentences written for these tests."""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.read import language
from claimx.read.language import HEAD, MIDDLE, MIN_LETTERS, enough_letters, identifier, identify, is_english, sample

runner = CliRunner()

FOREIGN = [
    ("de", "Die Bundesregierung will das Heizungsgesetz noch vor der Sommerpause verabschieden, sagte der "
           "Minister am Dienstag in Berlin."),
    ("fr", "Le gouvernement a annoncé mercredi qu'il renonçait à la réforme des retraites, après des semaines "
           "de manifestations dans tout le pays."),
    ("es", "El presidente afirmó que el Gobierno no subirá los impuestos este año, pese a las presiones de la "
           "oposición y de Bruselas."),
    ("it", "Il sindaco ha detto che i lavori sulla linea della metropolitana finiranno entro la fine dell'anno "
           "prossimo, secondo il comune."),
    ("nl", "De minister zei dinsdag dat het kabinet de plannen voor de nieuwe snelweg voorlopig in de ijskast "
           "zet vanwege de kosten."),
    ("pt", "O ministro disse nesta terça-feira que o governo não vai aumentar os impostos, apesar da pressão "
           "do Congresso e dos mercados."),
    ("pl", "Minister powiedział we wtorek, że rząd nie zamierza podnosić podatków w przyszłym roku, mimo "
           "nacisków ze strony opozycji."),
    ("ru", "Министр заявил во вторник, что правительство не будет повышать налоги в следующем году, несмотря "
           "на давление оппозиции."),
    # German quoting an English sentence: the main language wins
    ("de", "Der Minister sagte am Dienstag, die Regierung werde ihre Pläne nicht ändern. \"We will not back "
           "down\", sagte er vor den Journalisten in Brüssel, bevor er abreiste."),
]

ENGLISH = [
    "The minister said on Tuesday that the government would not raise taxes next year, despite pressure "
    "from the opposition.",
    # English quoting a foreign phrase
    "The chancellor said: \"Wir schaffen das\", and the crowd in Berlin cheered as the rain began to fall "
    "over the square.",
    "\"C'est la vie,\" the French ambassador told reporters outside the embassy on Friday, before declining "
    "further comment.",
    "OBAMA SAYS HEALTH LAW WILL STAND, VOWS TO FIGHT REPEAL EFFORTS IN CONGRESS",
]

# too short to tell, or unsure: never judged foreign (precision over coverage)
UNSURE = ["Trump", "OK", "\"Nein\", sagte er.", "Merci beaucoup.", "Gracias, señor presidente.", "",
          "Rubio, Lavrov, Wang Yi, Zelenskyy and Erdoğan met in Istanbul on Thursday."]


@pytest.mark.parametrize(("lang", "text"), FOREIGN)
def test_a_foreign_sentence_is_named(lang, text):
    code, confidence = identify(text)
    assert code == lang and confidence >= 0.9
    assert not is_english(text)


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_english(text):
    assert identify(text)[0] == "en"
    assert is_english(text)


@pytest.mark.parametrize("text", UNSURE)
def test_short_or_unsure_texts_count_as_english(text):
    assert identify(text)[0] is None
    assert is_english(text)


def test_the_sample_is_bounded_and_takes_the_middle():
    text = "a" * 5000 + "MIDDLE" + "b" * 5000
    piece = sample(text)
    assert len(piece) == HEAD + 1 + MIDDLE and "MIDDLE" in piece
    assert sample("short text") == "short text"


@pytest.mark.parametrize(("piece", "expected"), [
    ("a" * MIN_LETTERS, True),
    ("Trump " * 8, True),  # 40 letters
    ("é" * MIN_LETTERS, True),  # letters of any script
    ("a" * (MIN_LETTERS - 1), False),
    ("2024 " * 100 + "a" * (MIN_LETTERS - 1), False),  # digits and spaces are no letters
    ("", False),
])
def test_enough_letters(piece, expected):
    assert enough_letters(piece) is expected


def test_the_identifier_preloads_in_a_thread(monkeypatch):
    monkeypatch.setattr(language, "_IDENTIFIER", None)
    monkeypatch.setattr(language, "_PRELOAD", None)
    language.preload()
    thread = language._PRELOAD
    assert thread is not None and thread.daemon
    loaded = identifier()  # waits for the thread
    assert not thread.is_alive() and loaded is language._IDENTIFIER
    assert identify(FOREIGN[0][1])[0] == "de"


def test_a_preload_that_fails_is_silent_and_the_first_use_says_why(monkeypatch, capsys):
    from py3langid import langid

    monkeypatch.setattr(language, "_IDENTIFIER", None)
    monkeypatch.setattr(language, "_PRELOAD", None)
    monkeypatch.setattr(langid, "MODEL_FILE", "data/model-gone.npz.xz")
    language.preload()
    language._PRELOAD.join()
    assert capsys.readouterr().err == ""  # no traceback from the thread
    with pytest.raises(OSError, match="model-gone"):
        identifier()


def test_the_model_reads_as_py3langid_reads_it():
    """claimx decompresses py3langid's model in one call (language._load);
    the identifier is the one py3langid's own loader builds."""
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ours, theirs = language._load(), LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for name in ("nb_ptc", "nb_pc"):
        a, b = getattr(ours, name), getattr(theirs, name)
        assert a.dtype == b.dtype and np.array_equal(a, b)
    for name in ("nb_classes", "tk_nextmove", "tk_row", "tk_output"):
        assert getattr(ours, name) == getattr(theirs, name)
    for _, text in FOREIGN:
        assert ours.classify(text) == theirs.classify(text)


@pytest.mark.parametrize("change", [ImportError("cannot import name '_to_array'"), KeyError("nextmove_row")])
def test_a_py3langid_the_one_call_read_does_not_know_still_loads(monkeypatch, change):
    def unknown():
        raise change  # a release that renamed its helper, or changed the model's layout

    monkeypatch.setattr(language, "_load_in_one_call", unknown)
    assert language._load().classify(FOREIGN[0][1])[0] == "de"  # py3langid's own loader


def test_a_long_article_costs_under_a_millisecond(seed_text):
    identifier()  # loaded once per process, not counted
    text = seed_text * 30  # 90,000 characters: only the sample is read
    runs = 50
    t0 = time.process_time()
    for _ in range(runs):
        identify(text)
    per = (time.process_time() - t0) / runs
    assert per < 0.002, f"{per * 1000:.2f} ms per article"  # about 0.6 ms; room for a loaded CI machine


GERMAN_ARTICLE = " ".join(text for lang, text in FOREIGN if lang == "de") + "\n\n" + (
    "„Wir werden das Gesetz nicht ändern“, sagte Bundeskanzler Olaf Scholz am Mittwoch in Berlin. "
    "Die Opposition kritisierte den Plan scharf.\n")


def test_extract_names_a_german_article_and_skips_it(tmp_path):
    de = tmp_path / "berlin.txt"
    de.write_text(GERMAN_ARTICLE, encoding="utf-8")
    en = tmp_path / "race.txt"
    en.write_text("“We will win this race,” Governor Jane Smith said on Monday.\n\nShe added that the vote "
                  "was fair, and her opponent said he would not concede.\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(de), str(en), "-f", "jsonl", "--published", "2025-03-05"])
    assert r.exit_code == 0, r.stderr
    assert "berlin.txt" in r.stderr and "language: de" in r.stderr and "race.txt" not in r.stderr
    german, english = (json.loads(line) for line in r.stdout.splitlines())
    assert german["article"]["language"] == "de" and german["article"]["reference_date"] == "2025-03-05"
    assert german["quotes"] == [] and german["speakers"] == [] and german["dates"] == []
    assert english["article"]["language"] == "en" and english["quotes"]


def test_any_language_extracts_it_anyway(tmp_path):
    de = tmp_path / "berlin.txt"
    de.write_text(GERMAN_ARTICLE + "Das Gesetz gilt seit 2024.\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(de), "-f", "json", "--any-language"])
    assert r.exit_code == 0, r.stderr
    record = json.loads(r.stdout)
    # parsed, not left unread: its year is found (the English model reads no German speaker)
    assert record["article"]["language"] == "de" and "language: de" not in r.stderr
    assert [d["value"] for d in record["dates"]] == ["2024"]


def test_unread_articles_keep_their_place_with_workers(tmp_path, nlp):
    from claimx.pipeline.extract import extract
    from claimx.read.inputs import Article

    items = [Article("de", "de", GERMAN_ARTICLE), Article("en", "en", ENGLISH[0] + " " + ENGLISH[2]),
             Article("fr", "fr", FOREIGN[1][1])]
    notices = []
    records = list(extract(items, nlp, n_process=2, on_problem=notices.append))
    assert [r.article.id for r in records] == ["de", "en", "fr"]
    assert [r.article.language for r in records] == ["de", "en", "fr"]
    assert [n.source for n in notices] == ["de", "fr"]
    assert records[1].quotes and not records[0].quotes and not records[2].quotes


@pytest.mark.parametrize("any_language", [False, True])
def test_workers_identify_languages_as_one_process_does(nlp, any_language):
    """With workers the language is identified where the article is parsed
    (the worker); records and notices are the same, in the same order."""
    from claimx.pipeline.extract import extract
    from claimx.read.inputs import Article

    def run(n):
        items = [Article("de", "de", GERMAN_ARTICLE + " Das Gesetz gilt seit 2024."),
                 Article("en", "en", ENGLISH[0] + " " + ENGLISH[2]), Article("fr", "fr", FOREIGN[1][1])]
        notices = []
        records = [r.to_dict() for r in extract(items, nlp, n_process=n, on_problem=notices.append,
                                                any_language=any_language)]
        return records, [(x.source, str(x)) for x in notices]

    one, two = run(1), run(2)
    assert one == two
    records, notices = two
    assert [r["article"]["language"] for r in records] == ["de", "en", "fr"]
    assert [s for s, _ in notices] == ([] if any_language else ["de", "fr"])
    assert ("2024" in [d["value"] for d in records[0]["dates"]]) == any_language  # parsed only when asked


@pytest.mark.parametrize(("known", "text", "any_language", "language", "unread", "identified"), [
    (None, FOREIGN[1][1], False, "fr", True, True),  # not known: identified here
    (None, FOREIGN[1][1], True, "fr", False, True),
    (None, "Trump", False, None, False, True),  # unsure: identified, read as English
    ("en", FOREIGN[1][1], False, "en", False, False),  # its reader identified it (a web archive): kept
    ("fr", ENGLISH[0], False, "fr", True, False),
    ("fr", ENGLISH[0], True, "fr", False, False),
])
def test_a_language_identified_by_the_reader_is_not_identified_again(
        monkeypatch, known, text, any_language, language, unread, identified):
    """extract's check (one process and workers alike: both call _left_unread)
    identifies only an article whose reader did not."""
    from claimx.pipeline import extract as extract_module
    from claimx.read.inputs import Article

    calls = []
    monkeypatch.setattr(extract_module.language, "identify", lambda t: calls.append(t) or identify(t))
    article = Article("a", "a", text, language=known)
    assert extract_module._left_unread(article, any_language) is unread
    assert article.language == language and bool(calls) is identified


def test_a_web_archive_s_pages_are_identified_once(tmp_path, monkeypatch, nlp):
    pytest.importorskip("fastwarc")
    pytest.importorskip("warcio")
    from claimx.pipeline.extract import extract
    from claimx.read.warc import read_warc
    from tests.warc_pages import page, write_warc

    path = tmp_path / "a.warc.gz"
    write_warc(path, [page(0), page(1)], extras=False)
    calls = []
    monkeypatch.setattr(language, "identify", lambda t: calls.append(t) or identify(t))
    records = list(extract(read_warc(str(path), str(path)), nlp))
    assert len(calls) == 2  # once a page, by the reader
    assert [r.article.language for r in records] == ["en", "en"] and all(r.quotes for r in records)
