"""kg push and kg query --endpoint against a real Oxigraph server (``oxigraph serve`` on 127.0.0.1)."""
from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import cli
from kg.remote.endpoint import Endpoint, credentials
from kg.remote.push import STATE, shared_graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from services import OxigraphServer  # noqa: E402

# Articles written for these tests (invented names and places).
ARTICLES = [
    {"id": "r-1", "text": "东山县委书记王建华到东山镇调研乡村振兴工作，县长李明远陪同。", "date": "2024-03-01"},
    {"id": "r-2", "text": "西河市人民政府与甲公司签署合作协议，共同推进西河新能源产业园项目建设。副市长赵立群出席签约仪式。",
     "date": "2024-03-02"},
    {"id": "r-3", "text": "南岭县纪委监委对南岭县水利局原局长孙志刚涉嫌严重违纪违法问题进行审查调查。", "date": "2024-03-03"},
    {"id": "r-4", "text": "北川区区长周晓东主持召开区政府常务会议，研究部署城市更新工作。", "date": "2024-03-04"},
]
QUERIES = [
    "SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY ?type",
    "SELECT ?p ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name",
    "SELECT ?article ?who WHERE { GRAPH ?article { ?f a kg:Fact ; rdf:subject ?who } } ORDER BY ?article ?who",
    "ASK { ?s a kg:Agency }",
    "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a kg:Person ; rdfs:label ?n }",
]


@pytest.fixture
def server(tmp_path):
    s = OxigraphServer(tmp_path / "server").start()
    yield s
    s.stop()


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and all(line.startswith("kg: ") for line in err.splitlines()), err
    return rc, out, err


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def server_quads(url: str) -> set[str]:
    """Every quad on the server, as N-Quads lines, and none may be in its default graph."""
    from kg.remote.query import RemoteStore
    rows = RemoteStore(Endpoint.of(url)).query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    in_default = RemoteStore(Endpoint.of(url, "oxigraph")).query(
        "ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    assert not bool(in_default)
    return {f"{r['s']} {r['p']} {r['o']} {r['g']}" for r in rows}


def expected_quads(out: Path) -> set[str]:
    """OUT's store as the server should hold it: shared descriptions moved to a graph per subject."""
    from kg.store import open_store
    from kg.store.read import store_base
    with open_store(out, read_only=True) as store:
        base = store_base(store)
        return {f"{q.subject} {q.predicate} {q.object} "
                f"<{shared_graph(str(q.subject), base) if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value}>"
                for q in store}


def test_push_sends_every_graph_then_only_what_changed(tmp_path, server, capsys):
    src, out = write(tmp_path / "a.jsonl", ARTICLES), tmp_path / "out"
    assert run(capsys, "-q", "build", str(src), "-o", str(out), "--jobs", "1")[0] == 0
    rc, stdout, _ = run(capsys, "push", str(out), "--endpoint", server.url)
    assert rc == 0 and " 0 dropped, 0 unchanged" in stdout
    assert server_quads(server.url) == expected_quads(out)
    rc, stdout, _ = run(capsys, "push", str(out), "--endpoint", server.url)
    assert "0 graphs sent, 0 dropped" in stdout                # nothing changed, nothing sent

    changed = [dict(ARTICLES[0], text=ARTICLES[0]["text"] + "副县长吴海燕参加调研。"), ARTICLES[1], ARTICLES[3]]
    assert run(capsys, "-q", "build", str(write(src, changed)), "-o", str(out), "--jobs", "1")[0] == 0
    rc, stdout, _ = run(capsys, "push", str(out), "--endpoint", server.url)
    sent, dropped, unchanged = (int(stdout.split(w)[0].split()[-1]) for w in (" graphs sent", " dropped", " unchanged"))
    assert rc == 0 and dropped >= 1 and unchanged > sent       # r-3's graph (and what only it described) dropped
    assert server_quads(server.url) == expected_quads(out)
    assert not any("article/r-3" in q.split()[-1] for q in server_quads(server.url))


def test_queries_on_the_server_answer_as_the_embedded_store(tmp_path, server, capsys):
    src, out = write(tmp_path / "a.jsonl", ARTICLES), tmp_path / "out"
    assert run(capsys, "-q", "build", str(src), "-o", str(out), "--jobs", "1", "--push", server.url)[0] == 0
    for q in QUERIES:
        for fmt in ("table", "csv", "json"):
            local = run(capsys, "query", q, "--out", str(out), "--format", fmt)
            remote = run(capsys, "query", q, "--endpoint", server.url, "--format", fmt)
            assert remote == local and local[1].strip(), (q, fmt)
    # A server whose default graph is not the union (the generic preset on Oxigraph, without its flag) differs:
    # that is why the oxigraph preset asks for union-default-graph.
    plain = run(capsys, "query", QUERIES[1], "--server", "generic", "--query-url", server.url + "/query")
    assert plain[0] == 0 and "(0 rows)" in plain[1]
    rc, _, err = run(capsys, "query", "SELECT WHERE {", "--endpoint", server.url)
    assert rc == 1 and "invalid SPARQL query" in err


def test_an_interrupted_push_resumes(tmp_path, server, capsys, monkeypatch):
    src, out = write(tmp_path / "a.jsonl", ARTICLES), tmp_path / "out"
    assert run(capsys, "-q", "build", str(src), "-o", str(out), "--jobs", "1")[0] == 0
    import kg.remote.push as push
    monkeypatch.setattr(push, "UPDATE_BYTES", 2000)          # several update requests
    real, calls = Endpoint.request, []

    def failing(self, method, url, *a, **k):                 # the server goes away after 3 requests
        calls.append(url)
        if len(calls) > 3:
            from kg.errors import KgError
            raise KgError("E093", url=url, detail="Connection refused")
        return real(self, method, url, *a, **k)

    monkeypatch.setattr(Endpoint, "request", failing)
    rc, _, err = run(capsys, "push", str(out), "--endpoint", server.url)
    assert rc == 1 and len(err.splitlines()) == 1 and "run kg push again to resume" in err
    done = int(err.split("stopped after ")[1].split()[0])
    state = json.loads((out / STATE).read_text())["servers"][server.url + "/store"]["graphs"]
    assert done == len(state) > 0
    monkeypatch.setattr(Endpoint, "request", real)
    rc, stdout, _ = run(capsys, "push", str(out), "--endpoint", server.url)
    assert rc == 0 and f"{done} unchanged" in stdout          # only what the first push did not send
    assert server_quads(server.url) == expected_quads(out)


def test_a_server_that_is_down_or_refuses_is_one_line(tmp_path, server, capsys):
    src, out = write(tmp_path / "a.jsonl", ARTICLES[:1]), tmp_path / "out"
    assert run(capsys, "-q", "build", str(src), "-o", str(out), "--jobs", "1")[0] == 0
    url = server.url
    server.stop()
    rc, _, err = run(capsys, "push", str(out), "--endpoint", url)
    assert rc == 1 and "cannot reach the SPARQL server" in err and "resume" in err
    rc, _, err = run(capsys, "query", "ASK {}", "--endpoint", url)
    assert rc == 1 and "cannot reach the SPARQL server" in err
    rc, _, err = run(capsys, "push", str(out), "--endpoint", "http://user:secret@127.0.0.1:1")
    assert rc == 1 and "no credentials in the URL" in err
    rc, _, err = run(capsys, "push", str(tmp_path / "nothing"), "--endpoint", url)
    assert rc == 1


class _Recorder(BaseHTTPRequestHandler):
    """A server that wants HTTP Basic credentials and records what it was sent."""
    seen: list[str | None] = []

    def do_PUT(self):
        self.seen.append(self.headers.get("Authorization"))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(201 if self.headers.get("Authorization") else 401)
        if not self.headers.get("Authorization"):
            self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


def test_credentials_come_from_netrc_or_the_environment(tmp_path, monkeypatch):
    httpd = HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}"
    try:
        netrc = tmp_path / "netrc"
        netrc.write_text("machine 127.0.0.1 login editor password s3cret\n")
        netrc.chmod(0o600)
        monkeypatch.setenv("NETRC", str(netrc))
        monkeypatch.delenv("KG_SPARQL_USER", raising=False)
        assert credentials("127.0.0.1") == ("editor", "s3cret")
        Endpoint.of(url).request("PUT", url + "/store?graph=x", b"", {"Content-Type": "text/turtle"})
        monkeypatch.setenv("KG_SPARQL_USER", "reader")
        monkeypatch.setenv("KG_SPARQL_PASSWORD", "pw")
        Endpoint.of(url).request("PUT", url + "/store?graph=x", b"", {"Content-Type": "text/turtle"})
    finally:
        httpd.shutdown()
    import base64
    assert [base64.b64decode(h.split()[1]).decode() for h in _Recorder.seen if h] == ["editor:s3cret", "reader:pw"]


def test_a_rejected_fact_stays_off_the_server(tmp_path, server, capsys):
    """The facts a correction rejected stay in OUT: the server answers as the embedded store's default."""
    src = tmp_path / "src"
    src.mkdir()
    write(src / "a.jsonl", ARTICLES)
    (src / "corrections.toml").write_text(
        '[[reject]]\narticle = "r-3"\ns = "孙志刚"\np = "investigatedBy"\nwho = "审校甲"\nwhy = "测试"\n',
        encoding="utf-8")
    out = tmp_path / "out"
    assert run(capsys, "-q", "build", str(src), "-o", str(out), "--jobs", "1", "--push", server.url)[0] == 0
    q = "SELECT ?who WHERE { ?f a kg:Fact ; rdf:predicate kg:investigatedBy ; rdf:subject ?who } ORDER BY ?who"
    local, remote = run(capsys, "query", q, "--out", str(out)), run(capsys, "query", q, "--endpoint", server.url)
    assert remote == local and "(0 rows)" in local[1]
    assert "孙志刚" in run(capsys, "query", q, "--out", str(out), "--include-rejected")[1]
    assert not any("rejected" in quad.split()[-1] for quad in server_quads(server.url))
    rc, _, err = run(capsys, "query", q, "--endpoint", server.url, "--include-rejected")
    assert rc != 0 and "rejected facts stay in OUT" in err
