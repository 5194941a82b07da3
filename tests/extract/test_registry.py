"""The rule registry: names, order, switching rules off, and the tags rules leave on what they make."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import KgError
from kg.extract import Extractor
from kg.extract.registry import STAGES, Rule, check_order, registry
from kg.model import Article

TEXT = "本报记者 赵海东\n县委书记王建军来到东山镇调研，察看了甲公司光伏发电项目。"


def test_every_rule_has_a_dotted_name_a_known_stage_and_a_summary():
    rules = registry()
    assert len(rules) > 10
    for name, r in rules.items():
        assert re.match(r"^[a-z]+(\.[a-zA-Z][a-zA-Z0-9-]*)+$", name)
        assert r.stage in STAGES and r.summary, name


def test_rules_run_in_stage_order_and_every_need_is_met():
    stages = [STAGES.index(r.stage) for r in registry().values()]
    assert stages == sorted(stages)
    check_order(registry().values())
    with pytest.raises(ValueError):
        check_order([Rule("x.y", print, "place", requires=("mentions",))])


def test_every_tag_in_the_output_is_a_registered_rule():
    doc = Extractor(home="运城市")(Article("t.txt", TEXT))
    names = set(registry())
    tags = {m.rule for m in doc.mentions} | {e.rule for e in doc.entities.values()} | {r.rule for r in doc.relations}
    assert tags and tags <= names, tags - names


def test_a_disabled_rule_makes_nothing():
    full = Extractor(home="运城市")(Article("t.txt", TEXT))
    family = {r.rule.split(".")[0] + "." + r.rule.split(".")[1] for r in full.relations if r.rule.startswith("relation.")}
    assert "relation.holdsPosition" in family
    off = Extractor(home="运城市", disable=["relation.holdsPosition.*"])(Article("t.txt", TEXT))
    assert not [r for r in off.relations if r.p == "holdsPosition"]
    assert len(off.relations) < len(full.relations)


def test_unknown_or_required_rules_cannot_be_disabled():
    with pytest.raises(KgError, match="unknown rule"):
        Extractor(disable=["no.such-rule"])
    with pytest.raises(KgError, match="cannot be disabled"):
        Extractor(disable=["prepare.tokenize"])


def test_extractions_jsonl_carries_the_rule_of_each_entity_and_relation(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--home", "运城市", "-o", str(tmp_path / "x.jsonl")]) == 0
    import json
    line = json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8"))
    names = set(registry())
    assert all(e["rule"] in names for e in line["entities"]) and all(r["rule"] in names for r in line["relations"])
    assert main(["extract", str(tmp_path / "a.txt"), "--disable", "nope", "-o", str(tmp_path / "y.jsonl")]) == 1
    assert "unknown rule 'nope'" in capsys.readouterr().err
    assert not (tmp_path / "y.jsonl").exists()


def test_kg_rules_lists_every_rule_and_the_readme_table_is_generated_from_it(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in registry())
    from kg.commands.rules import rules_table
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert rules_table(markdown=True) in readme, "README's rule table is stale: paste `kg rules --markdown`"


def test_rule_source_is_found_from_its_tag():
    """grep of a tag in extractions.jsonl leads to its def."""
    root = Path(__file__).parents[2] / "kg" / "extract"
    for name in list(registry())[:200]:
        hits = subprocess.run(["grep", "-rlF", f'"{name}"', str(root)], capture_output=True, text=True).stdout
        assert hits, name
