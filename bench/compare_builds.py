#!/usr/bin/env python3
"""Compares two builds of mteval: Google Benchmark figures and whole-process
wall times, run alternately (each round, the other build first) so that
both see the same machine phases.

  bench/compare_builds.py OLD_BUILD_DIR NEW_BUILD_DIR [--rounds N] [--filter REGEX]

Each build directory holds `mteval` and `bench/<program>`. Needs the WMT22
data (../shared/wmt22 or $MTEVAL_SHARED_DIR/wmt22). Prints, per benchmark and
per command, the best and the median of each build and the change of the
best (negative = the new build is faster). Run it on an idle machine.
"""
import argparse, glob, json, os, statistics, subprocess, sys, time

BENCHES = {  # program -> benchmark filter
    "bleu_chrf_bench": "BM_Score/(zh_en_bleu_13a|zh_en_chrf|en_zh_bleu_zh|zh_en_chrfpp)$",
    "ter_bench": "BM_TerZhEnSystem/defaults",
    "significance_bench": "BM_PairedTest/bootstrap_zh_en_12sys_bleu_chrf/1/real_time",
    "report_bench": "BM_BuildReport/1/real_time",
}

def bench_once(build, program, flt):
    out = subprocess.run([os.path.join(build, "bench", program), "--benchmark_filter=" + flt,
                          "--benchmark_format=json", "--benchmark_min_time=0.2"],
                         capture_output=True, text=True, check=True).stdout
    return {b["name"]: b["real_time"] * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
            for b in json.loads(out)["benchmarks"]}

def wall(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1e3

def report(title, old, new):
    print(f"\n{title}: best / median ms, old -> new (change of the best)")
    for name in old:
        ob, nb = min(old[name]), min(new[name])
        print(f"  {name:60s} {ob:9.2f} / {statistics.median(old[name]):9.2f} -> "
              f"{nb:9.2f} / {statistics.median(new[name]):9.2f}  ({100 * (nb - ob) / ob:+.1f}%)")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old"); ap.add_argument("new")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--filter", default="", help="only benchmark programs and commands whose name contains this")
    a = ap.parse_args()
    w = os.path.join(os.environ.get("MTEVAL_SHARED_DIR", "../shared"), "wmt22")
    ref = f"{w}/references/generaltest2022.zh-en.ref.A.en"
    hyps = sorted(glob.glob(f"{w}/system-outputs/generaltest2022.zh-en.hyp.*.en"))
    if not hyps:
        sys.exit(f"compare_builds: no WMT22 data under {w}")
    online_b = [h for h in hyps if ".Online-B." in h][0]
    commands = {
        "score bleu (1 system)": ["score", ref, "-i", online_b, "-m", "bleu", "-b", "--threads", "1"],
        "score chrf (1 system)": ["score", ref, "-i", online_b, "-m", "chrf", "-b", "--threads", "1"],
        "score ter (1 system)": ["score", ref, "-i", online_b, "-m", "ter", "-b", "--threads", "1"],
        "score bleu chrf ter (12 systems)": ["score", ref, "-i", *hyps, "-m", "bleu", "chrf", "ter"],
        "version": ["version"],
    }
    bench_times = {b: {} for b in (a.old, a.new)}
    cmd_times = {b: {} for b in (a.old, a.new)}
    for r in range(a.rounds):
        for build in ((a.old, a.new) if r % 2 == 0 else (a.new, a.old)):  # alternate who goes first
            for program, flt in BENCHES.items():
                if a.filter not in program:
                    continue
                for name, ms in bench_once(build, program, flt).items():
                    bench_times[build].setdefault(name, []).append(ms)
            for name, args in commands.items():
                if a.filter not in name:
                    continue
                for _ in range(3):
                    cmd_times[build].setdefault(name, []).append(wall([os.path.join(build, "mteval"), *args]))
    report("Google Benchmark", bench_times[a.old], bench_times[a.new])
    report("Whole process (wall)", cmd_times[a.old], cmd_times[a.new])

if __name__ == "__main__":
    main()
