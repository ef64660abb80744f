#!/usr/bin/env python3
"""Makes the golden set in tests/golden/: sacreBLEU 2.6.0's figures that the
test suite checks without ../shared (tests/parity/golden_sacrebleu_test.cc).
The test itself never runs this script or sacreBLEU.

  make_golden.py subset WMT22_DIR        # pick the WMT22 lines into wmt22/
  make_golden.py figures                 # sacreBLEU's figures for them
  make_golden.py test-cases SACREBLEU    # the cases of sacreBLEU's own tests
  make_golden.py cross-check SHARED_DIR  # compare with ../shared/parity

`figures`, `test-cases` and `cross-check` import sacreBLEU 2.6.0 (pip install
sacrebleu==2.6.0, or put a checkout of its v2.6.0 tag on PYTHONPATH; a `git
archive` of the tag needs sacrebleu/version.py with __version__ = "2.6.0").
ja-mecab needs MeCab's Python module; with Debian's python3-mecab and
mecab-ipadic-utf8 in place of the pip packages mecab-python3 and ipadic, see
use_debian_ipadic(). `test-cases` reads SACREBLEU/test/test_*.py for their
literal inputs and expected figures (needs no pytest).
"""

import importlib.util
import json
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
WMT22 = os.path.join(HERE, "wmt22")
PAIRS = {  # pair -> references used, system output used
    "zh-en": (["A", "B"], "AISP-SJTU"),
    "en-zh": (["A"], "AISP-SJTU"),
    "en-ja": (["A"], "AISP-SJTU"),
}
SEGMENTS = 75    # lines per pair
MAX_BYTES = 150  # longest line (UTF-8 bytes) of any file for a segment to be taken
DEFAULT_TOK = {"en": "13a", "zh": "zh", "ja": "ja-mecab"}


def target(pair):
    return pair.split("-")[1]


def ref_name(pair, ref):
    return "generaltest2022.%s.ref.%s.%s" % (pair, ref, target(pair))


def hyp_name(pair):
    return "generaltest2022.%s.hyp.%s.%s" % (pair, PAIRS[pair][1], target(pair))


def raw_lines(path):
    """The lines of a file as sacreBLEU's CLI splits them (only at \\n)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data.endswith(b"\n"), path
    return data[:-1].split(b"\n")


def subset(wmt22_dir):
    """SEGMENTS lines per pair, evenly spaced over the test set (so every
    domain is there) among the segments whose reference and system lines
    are all at most MAX_BYTES long (to keep the set small)."""
    manifest = {}
    os.makedirs(WMT22, exist_ok=True)
    for pair, (refs, _) in PAIRS.items():
        files = ["references/" + ref_name(pair, r) for r in refs] + ["system-outputs/" + hyp_name(pair)]
        texts = [raw_lines(os.path.join(wmt22_dir, f)) for f in files]
        eligible = [i for i in range(len(texts[0])) if all(len(t[i]) <= MAX_BYTES for t in texts)]
        chosen = [eligible[k * len(eligible) // SEGMENTS] for k in range(SEGMENTS)]
        for f, t in zip(files, texts):
            with open(os.path.join(WMT22, os.path.basename(f)), "wb") as out:
                out.write(b"".join(t[i] + b"\n" for i in chosen))
        manifest[pair] = {"refs": {r: ref_name(pair, r) for r in refs}, "hyp": hyp_name(pair),
                          "lines": [i + 1 for i in chosen]}
    with open(os.path.join(WMT22, "lines.json"), "w") as f:
        json.dump(manifest, f, separators=(",", ":"))
        f.write("\n")


def read_lines(path):
    """As sacreBLEU's CLI reads a file: split at \\n, each line rstrip()ped."""
    with open(path, encoding="utf-8", newline="\n") as f:
        return [line.rstrip() for line in f]


def use_debian_ipadic():
    """sacreBLEU's ja-mecab imports `ipadic` (pip) for the IPA dictionary's
    MeCab arguments and asserts that it has 392,126 entries. Debian's
    mecab-ipadic-utf8 is the same dictionary built with one entry more
    (392,127). Give sacreBLEU Debian's dictionary and accept that count; its
    tokenization code (__call__) is unchanged."""
    try:
        import ipadic  # noqa: F401  (the pip package: nothing to do)
        return
    except ImportError:
        pass
    import MeCab
    from sacrebleu.tokenizers import tokenizer_ja_mecab as ja

    ja.MeCab = MeCab
    ja.ipadic = types.SimpleNamespace(MECAB_ARGS="-r /dev/null -d /var/lib/mecab/dic/ipadic-utf8")

    def init(self):
        self.tagger = MeCab.Tagger(ja.ipadic.MECAB_ARGS + " -Owakati")
        d = self.tagger.dictionary_info()
        assert d.size in (392126, 392127) and d.next is None, "not the IPA dictionary"

    ja.TokenizerJaMecab.__init__ = init


def import_sacrebleu():
    import sacrebleu

    assert sacrebleu.__version__ == "2.6.0", sacrebleu.__version__
    use_debian_ipadic()
    return sacrebleu


def make_metric(sacrebleu, metric, options):
    cls = {"bleu": sacrebleu.BLEU, "chrf": sacrebleu.CHRF, "ter": sacrebleu.TER}[metric]
    return cls(**options)


def corpus_figures(sacrebleu, metric, options, hyps, refs):
    """Score, summed statistics and signature, as sacreBLEU computes them."""
    m = make_metric(sacrebleu, metric, options)
    score = m.corpus_score(hyps, refs)
    stats = [sum(col) for col in zip(*m._extract_corpus_statistics(hyps, refs))]
    return {"score": score.score, "stats": stats, "signature": m.get_signature().format()}


def corpus_configs(pair):
    """(metric, options) scored at corpus level against reference A; every
    pair gets every configuration (a tokenizer meant for another language is
    still a figure sacreBLEU gives, on more lines)."""
    for t in ["13a", "intl", "zh", "char", "none", "ja-mecab"]:
        yield "bleu", {"tokenize": t}
    for extra in [{"lowercase": True}, {"smooth_method": "floor"}, {"smooth_method": "floor", "smooth_value": 0.5},
                  {"smooth_method": "add-k"}, {"smooth_method": "add-k", "smooth_value": 2}, {"smooth_method": "none"},
                  {"max_ngram_order": 2}, {"max_ngram_order": 6}]:
        yield "bleu", dict({"tokenize": DEFAULT_TOK[target(pair)]}, **extra)
    for o in [{}, {"word_order": 2}, {"lowercase": True}, {"whitespace": True}, {"eps_smoothing": True},
              {"char_order": 4, "beta": 1}, {"word_order": 2, "lowercase": True, "eps_smoothing": True}]:
        yield "chrf", o
    for o in [{}, {"normalized": True}, {"no_punct": True}, {"asian_support": True}, {"case_sensitive": True},
              {"normalized": True, "asian_support": True}, {"no_punct": True, "asian_support": True},
              {"normalized": True, "no_punct": True, "case_sensitive": True}]:
        yield "ter", o


MULTI_REF_CONFIGS = [("bleu", {"tokenize": "13a"}), ("bleu", {"tokenize": "intl", "lowercase": True}),
                     ("chrf", {}), ("chrf", {"word_order": 2}), ("ter", {}),
                     ("ter", {"normalized": True, "case_sensitive": True})]


def sentence_configs(pair):
    """(references, metric, options) scored segment by segment."""
    yield ["A"], "bleu", {"tokenize": DEFAULT_TOK[target(pair)], "effective_order": True}
    yield ["A"], "chrf", {}
    yield ["A"], "chrf", {"word_order": 2}
    yield ["A"], "ter", {}
    if pair == "zh-en":
        yield ["A", "B"], "bleu", {"tokenize": "13a", "effective_order": True}
        yield ["A", "B"], "ter", {}


def load_pair(pair):
    refs = {r: read_lines(os.path.join(WMT22, ref_name(pair, r))) for r in PAIRS[pair][0]}
    return refs, read_lines(os.path.join(WMT22, hyp_name(pair)))


def dump_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")


def figures():
    sacrebleu = import_sacrebleu()
    corpus, sentence = [], []
    for pair in PAIRS:
        refs, hyps = load_pair(pair)
        ref_sets = [["A"]] + ([["A", "B"]] if "B" in refs else [])
        for ref_set in ref_sets:
            configs = corpus_configs(pair) if ref_set == ["A"] else MULTI_REF_CONFIGS
            for metric, options in configs:
                row = {"pair": pair, "refs": ref_set, "metric": metric, "options": options}
                row.update(corpus_figures(sacrebleu, metric, options, hyps, [refs[r] for r in ref_set]))
                corpus.append(row)
        for ref_set, metric, options in sentence_configs(pair):
            m = make_metric(sacrebleu, metric, options)
            scores = [m.sentence_score(h, [refs[r][i] for r in ref_set]).score for i, h in enumerate(hyps)]
            sentence.append({"pair": pair, "refs": ref_set, "metric": metric, "options": options,
                             "signature": m.get_signature().format(), "scores": scores})
    dump_jsonl(os.path.join(WMT22, "corpus.jsonl"), corpus)
    dump_jsonl(os.path.join(WMT22, "sentence.jsonl"), sentence)


def load_test_module(sacrebleu_dir, name):
    """Loads SACREBLEU/test/NAME.py for its module-level case lists; pytest's
    parametrize decorator is replaced by a no-op."""
    fake_pytest = types.ModuleType("pytest")
    fake_pytest.mark = types.SimpleNamespace(parametrize=lambda *a, **k: (lambda f: f))
    sys.modules.setdefault("pytest", fake_pytest)
    spec = importlib.util.spec_from_file_location(name, os.path.join(sacrebleu_dir, "test", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cases(sacrebleu_dir):
    """The literal cases of sacreBLEU 2.6.0's test_bleu.py, test_chrf.py,
    test_ter.py and test_sentence_bleu.py, one group per test function: the
    comparison it makes (with its file's EPSILON), and per case the inputs,
    the metric's constructor arguments that the function passes, the expected
    figure, and `sacrebleu_score`, what sacreBLEU computes for the case."""
    sacrebleu = import_sacrebleu()
    from sacrebleu.metrics import BLEU

    groups = []

    def group(file, test, metric, compare, epsilon):
        groups.append({"file": file, "test": test, "metric": metric, "compare": compare, "epsilon": epsilon,
                       "cases": []})

    def add(options, expected, **inputs):
        g = groups[-1]
        if "stats" in inputs:  # BLEU.compute_bleu(correct, total, sys_len, ref_len, **options)
            score = BLEU.compute_bleu(*inputs["stats"], **options).score
        elif "hyp" in inputs:
            score = make_metric(sacrebleu, g["metric"], options).sentence_score(inputs["hyp"], inputs["refs"]).score
        else:
            score = make_metric(sacrebleu, g["metric"], options).corpus_score(inputs["hyps"], inputs["refs"]).score
        g["cases"].append(dict({"options": options}, **inputs, expected=expected, sacrebleu_score=score))

    def streams(refs):
        return [list(r) for r in refs]

    t = load_test_module(sacrebleu_dir, "test_bleu")
    eps = t.EPSILON
    raw = {"tokenize": "none", "smooth_method": "floor", "force": True, "effective_order": True}  # raw_corpus_bleu
    group("test_bleu.py", "test_raw_bleu", "bleu", "abs(score/100 - expected) < epsilon", eps)
    for h, r, e in t.test_raw_bleu_cases:
        add(dict(raw, smooth_value=0.01), e, hyps=list(h), refs=streams(r))
    group("test_bleu.py", "test_corpus_bleu", "bleu", "abs(score - expected) < epsilon", eps)
    for h, r, kwargs, e in t.test_corpus_bleu_cases:
        add(dict(kwargs), e, hyps=list(h), refs=streams(r))
    group("test_bleu.py", "test_effective_order", "bleu", "abs(score/100 - expected) < epsilon", eps)
    for h, r, e in t.test_case_effective_order:
        add(dict(raw, smooth_value=0.01), e, hyps=list(h), refs=streams(r))
    group("test_bleu.py", "test_statistics", "bleu", "counts and totals equal", 0)
    for h, r, e in t.test_case_statistics:
        add(dict(raw, smooth_value=0.01), {"counts": list(e.common), "totals": list(e.total)},
            hyps=list(h), refs=streams(r))
    group("test_bleu.py", "test_scoring", "bleu", "abs(score/100 - expected) < epsilon", eps)
    for (s, sys_len, ref_len), e in t.test_case_scoring:  # compute_bleu's default smoothing is "none"
        add({"smooth_method": "none"}, e, stats=[list(s.common), list(s.total), sys_len, ref_len])
    group("test_bleu.py", "test_offset", "bleu", "abs(score/100 - expected) < epsilon", eps)
    for h, r, with_offset, without_offset in t.test_case_offset:
        add(dict(raw, smooth_value=0.0), without_offset, hyps=list(h), refs=streams(r))
        # The test's two other calls (smooth_value None, and left out) both
        # give floor's default value, 0.1.
        add(dict(raw), with_offset, hyps=list(h), refs=streams(r))
    group("test_bleu.py", "test_degenerate_statistics", "bleu", "score/100 == expected", 0)
    for (s, sys_len, ref_len), offset, e in t.test_case_degenerate_stats:
        add({"smooth_method": "floor", "smooth_value": offset}, e,
            stats=[list(s.common), list(s.total), sys_len, ref_len])
    group("test_bleu.py", "test_max_ngram_order", "bleu", "format(score, '.2f') == expected", 0)
    for order, h, r, e in t.test_bleu_max_order:
        add({"max_ngram_order": order}, e, hyps=list(h), refs=streams(r))

    t = load_test_module(sacrebleu_dir, "test_chrf")
    for name, cases, options in [("test_chrf", t.test_cases, {"beta": 3, "eps_smoothing": True}),
                                 ("test_chrf_eff_order", t.test_cases_effective_order, {"beta": 3}),
                                 ("test_chrf_keep_whitespace", t.test_cases_keep_whitespace,
                                  {"beta": 3, "whitespace": True})]:
        group("test_chrf.py", name, "chrf", "abs(score - expected) < epsilon", t.EPSILON)
        for h, r, e in cases:
            add(options, e, hyps=list(h), refs=[list(r)])
    group("test_chrf.py", "test_chrf_sentence_level", "chrf", "abs(score - expected) < epsilon", t.EPSILON)
    for h, r, e in t.test_sentence_level_chrf:
        add({"eps_smoothing": True}, e, hyp=h, refs=list(r))

    t = load_test_module(sacrebleu_dir, "test_ter")
    group("test_ter.py", "test_ter", "ter", "abs(score - 100*expected) < epsilon", t.EPSILON)
    for h, r, e in t.test_cases:
        add({}, e, hyps=list(h), refs=[list(r)])

    t = load_test_module(sacrebleu_dir, "test_sentence_bleu")
    for name, cases, hyp, ref in [("test_compat_sentence_bleu, test_api_sentence_bleu", t.test_cases, t.SYS, t.REF),
                                  ("test_api_sentence_bleu_zero", t.test_cases_zero_bleu, t.SYS_0, t.REF_0)]:
        group("test_sentence_bleu.py", name, "bleu", "abs(score - expected) < epsilon", t.EPSILON)
        for method, value, lowercase, tok, e in cases:
            options = {"smooth_method": method, "lowercase": lowercase, "tokenize": tok, "effective_order": True}
            if value is not None:
                options["smooth_value"] = value
            add(options, e, hyp=hyp, refs=[ref])

    def dump(o):
        return json.dumps(o, ensure_ascii=False, separators=(",", ":"))

    # Inputs longer than 100 characters that several cases share are
    # written once, under "inputs", and named in those cases by "input".
    cases = [c for g in groups for c in g["cases"]]
    uses = {}
    for c in cases:
        text = dump({k: c[k] for k in ("hyps", "hyp", "refs") if k in c})
        if len(text) > 100:
            uses.setdefault(text, []).append(c)
    inputs = {}
    for text, users in uses.items():
        if len(users) > 1:
            name = "input%d" % (len(inputs) + 1)
            inputs[name] = json.loads(text)
            for c in users:
                for k in inputs[name]:
                    del c[k]
                c["input"] = name
    with open(os.path.join(HERE, "sacrebleu-2.6.0-tests.json"), "w", encoding="utf-8") as f:
        f.write('{"inputs":{\n' + ",\n".join(dump(k) + ":" + dump(v) for k, v in inputs.items()) + '},\n"tests":[\n')
        f.write(",\n".join(dump({k: v for k, v in g.items() if k != "cases"})[:-1] + ',"cases":[\n ' +
                           ",\n ".join(dump(c) for c in g["cases"]) + "]}" for g in groups))
        f.write("]}\n")


def cross_check(shared):
    """Checks this script's path through sacreBLEU against the figures in
    SHARED/parity/sacrebleu-2.6.0 (made independently on whole files): the
    golden lines are the WMT22 lines they name; every corpus configuration
    both have is recomputed on the whole files and must equal the shared
    figures; and the shared sentence.tsv rows of the golden lines (first
    reference, the golden system) equal the golden sentence scores."""
    sacrebleu = import_sacrebleu()
    wmt22 = os.path.join(shared, "wmt22")
    parity = os.path.join(shared, "parity", "sacrebleu-2.6.0")
    with open(os.path.join(WMT22, "lines.json")) as f:
        manifest = json.load(f)
    with open(os.path.join(WMT22, "sentence.jsonl")) as f:
        sentence = [json.loads(line) for line in f]
    mine = {(r["metric"], json.dumps(r["options"], sort_keys=True))
            for r in map(json.loads, open(os.path.join(WMT22, "corpus.jsonl")))}
    compared = {"corpus": 0, "sentence": 0}
    for pair, (refs, system) in PAIRS.items():
        files = ["references/" + ref_name(pair, r) for r in refs] + ["system-outputs/" + hyp_name(pair)]
        for f in files:
            whole = raw_lines(os.path.join(wmt22, f))
            assert raw_lines(os.path.join(WMT22, os.path.basename(f))) == [
                whole[n - 1] for n in manifest[pair]["lines"]], f
        hyp_file = "system-outputs/" + hyp_name(pair)
        for line in open(os.path.join(parity, pair + ".corpus.jsonl")):
            want = json.loads(line)
            key = (want["metric"], json.dumps(want["options"], sort_keys=True))
            if want["hyp"] != hyp_file or key not in mine:
                continue
            got = corpus_figures(sacrebleu, want["metric"], want["options"],
                                 read_lines(os.path.join(wmt22, hyp_file)),
                                 [read_lines(os.path.join(wmt22, r)) for r in want["refs"]])
            assert got["score"] == want["score"], (pair, key, got["score"], want["score"])
            assert got["signature"] == want["signature"], (pair, key, got["signature"])
            # compute_bleu adds add-k's k to the counts and totals it reports.
            if want["metric"] == "bleu" and want["options"].get("smooth_method") != "add-k":
                assert got["stats"] == [want["sys_len"], want["ref_len"]] + want["counts"] + want["totals"], (pair, key)
            elif want["metric"] == "ter":
                assert got["stats"] == [want["num_edits"], want["ref_length"]], (pair, key)
            compared["corpus"] += 1
        columns = {"bleu": ("bleu", {"tokenize": DEFAULT_TOK[target(pair)], "effective_order": True}),
                   "chrf": ("chrf", {}), "chrfpp": ("chrf", {"word_order": 2}), "ter": ("ter", {})}
        with open(os.path.join(parity, pair + ".sentence.tsv"), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            rows = {int(r["line"]): r for r in (dict(zip(header, l.rstrip("\n").split("\t"))) for l in f)
                    if r["system"] == system and r["ref"] == "references/" + ref_name(pair, "A")}
        for column, (metric, options) in columns.items():
            golden = next(s for s in sentence if s["pair"] == pair and s["refs"] == ["A"]
                          and s["metric"] == metric and s["options"] == options)
            for n, score in zip(manifest[pair]["lines"], golden["scores"]):
                assert float(rows[n][column]) == score, (pair, column, n, rows[n][column], score)
                compared["sentence"] += 1
    print("cross-check: the golden lines are the WMT22 lines; %(corpus)d corpus figures on the whole test sets and "
          "%(sentence)d golden sentence scores equal those in " % compared + parity)


def main(argv):
    commands = {"subset": subset, "figures": figures, "test-cases": test_cases, "cross-check": cross_check}
    if len(argv) < 2 or argv[1] not in commands:
        sys.exit(__doc__)
    commands[argv[1]](*argv[2:])


if __name__ == "__main__":
    main(sys.argv)
