#include "stats/significance.h"

#include <Eigen/Core>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <functional>
#include <thread>
#include <unordered_map>

#include "common/error.h"
#include "stats/numpy_random.h"

namespace mteval {
namespace {

// ---------------------------------------------------------------------------
// numpy and Python reductions

// numpy's pairwise summation of float64 (umath loops, PW_BLOCKSIZE 128), as
// np.add.reduce applies it to a contiguous array.
double PairwiseSum(const double* a, size_t n) {
  if (n < 8) {
    double res = 0.0;
    for (size_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; ++j) r[j] = a[j];
    size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (int j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  size_t n2 = n / 2;
  n2 -= n2 % 8;
  return PairwiseSum(a, n2) + PairwiseSum(a + n2, n - n2);
}

// np.mean of a float64 vector: the identity 0 plus the pairwise sum, divided
// by the count.
double NumpyMean(const std::vector<double>& v) { return (0.0 + PairwiseSum(v.data(), v.size())) / static_cast<double>(v.size()); }

// Python's statistics.mean: the exact sum divided by n, rounded once. The
// sum is kept as an unevaluated double-double (error-free transformations),
// which is exact far beyond the counts used here.
double ExactMean(const std::vector<double>& v) {
  long double hi = 0.0L, lo = 0.0L;
  for (double x : v) {
    const long double s = hi + x;
    const long double bp = s - hi;
    lo += (hi - (s - bp)) + (x - bp);
    hi = s;
  }
  return static_cast<double>((hi + lo) / static_cast<long double>(v.size()));
}

struct MeanCi {
  double mean;
  double ci;
};

// sacreBLEU's estimate_ci / Score.estimate_ci on a copy of the scores.
// Both sort first and take the mean of the sorted scores; numpy's pairwise
// sum depends on the order, so sorting after would differ in the last bits.
MeanCi EstimateCi(std::vector<double> scores, bool numpy_mean) {
  std::sort(scores.begin(), scores.end());
  const double mean = numpy_mean ? NumpyMean(scores) : ExactMean(scores);
  const size_t n = scores.size();
  const size_t lower_idx = n / 40;
  const size_t upper_idx = n - lower_idx - 1;
  return {mean, 0.5 * (scores[upper_idx] - scores[lower_idx])};
}

// _compute_p_value: (count(stats > real) + 1) / (n + 1).
double PValue(const std::vector<double>& stats, double real_difference) {
  size_t c = 0;
  for (double s : stats) c += s > real_difference ? 1 : 0;
  return static_cast<double>(c + 1) / static_cast<double>(stats.size() + 1);
}

// ---------------------------------------------------------------------------
// threads

// Calls fn(begin, end) on `threads` contiguous slices of [0, count).
void ParallelFor(int threads, size_t count, const std::function<void(size_t, size_t)>& fn) {
  const size_t t = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(threads), count));
  if (t <= 1) {
    fn(0, count);
    return;
  }
  std::vector<std::thread> workers;
  std::vector<std::exception_ptr> errors(t);
  for (size_t i = 0; i < t; ++i) {
    const size_t begin = count * i / t, end = count * (i + 1) / t;
    workers.emplace_back([&, i, begin, end] {
      try {
        fn(begin, end);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    });
  }
  for (auto& w : workers) w.join();
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

// ---------------------------------------------------------------------------
// generators

NumpyGenerator MakeGenerator(const std::optional<uint64_t>& seed) {
  return seed ? NumpyGenerator(*seed) : NumpyGenerator::FromEntropy();
}

// The seed sacreBLEU gives each compared system: `self._seed if self._seed
// else None`, so 0 means OS entropy.
std::optional<uint64_t> PairedSeed(const std::optional<uint64_t>& seed) {
  if (seed && *seed == 0) return std::nullopt;
  return seed;
}

// ---------------------------------------------------------------------------
// resampled statistics as matrix products

// Columns: one block of num_stats() columns per (system, metric) input.
struct StatsColumns {
  std::vector<const StatsMatrix*> blocks;
  size_t num_cols = 0;
  size_t num_segments = 0;

  void Add(const StatsMatrix& m) {
    blocks.push_back(&m);
    num_cols += m.num_stats();
  }
  size_t Offset(size_t block) const {
    size_t off = 0;
    for (size_t b = 0; b < block; ++b) off += blocks[b]->num_stats();
    return off;
  }
};

template <typename Scalar>
using RowMatrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Largest |x| over all statistics.
double MaxAbs(const StatsColumns& cols) {
  int64_t m = 0;
  for (const StatsMatrix* b : cols.blocks) {
    for (int64_t v : b->data()) m = std::max<int64_t>(m, v < 0 ? -v : v);
  }
  return static_cast<double>(m);
}

constexpr double kFloatExact = 16777216.0;  // 2**24: integers exact in float32

// The distinct columns of `m` (exact equality; all-zero columns are dropped
// when `drop_zero`): column c of `m` is column index[c] of `compact`, or
// zero when index[c] < 0. A product with `compact` gives every column of
// the product with `m` for less work: reference-side statistics (BLEU's
// ref_len, chrF's reference n-gram counts) are the same for every system
// with one reference, so they appear once, and vanish from AR differences.
template <typename Scalar>
struct DistinctColumns {
  RowMatrix<Scalar> compact;
  std::vector<long> index;

  DistinctColumns(const RowMatrix<Scalar>& m, bool drop_zero) {
    const Eigen::Index rows = m.rows(), cols = m.cols();
    std::unordered_map<uint64_t, std::vector<Eigen::Index>> by_hash;  // hash -> kept source columns
    std::vector<Eigen::Index> kept;
    index.assign(static_cast<size_t>(cols), -1);
    for (Eigen::Index c = 0; c < cols; ++c) {
      uint64_t h = 1469598103934665603ull;
      bool zero = true;
      for (Eigen::Index r = 0; r < rows; ++r) {
        const double v = static_cast<double>(m(r, c));
        zero = zero && v == 0.0;
        h = (h ^ static_cast<uint64_t>(static_cast<int64_t>(v))) * 1099511628211ull;
      }
      if (zero && drop_zero) continue;
      std::vector<Eigen::Index>& same_hash = by_hash[h];
      long found = -1;
      for (Eigen::Index k : same_hash) {
        if (m.col(k) == m.col(c)) {
          found = index[static_cast<size_t>(k)];
          break;
        }
      }
      if (found < 0) {
        found = static_cast<long>(kept.size());
        kept.push_back(c);
        same_hash.push_back(c);
      }
      index[static_cast<size_t>(c)] = found;
    }
    compact.resize(rows, static_cast<Eigen::Index>(kept.size()));
    for (size_t k = 0; k < kept.size(); ++k) compact.col(static_cast<Eigen::Index>(k)) = m.col(kept[k]);
  }

  // Element (r, c) of the full product, given the product with `compact`.
  double Get(const RowMatrix<Scalar>& product, size_t r, size_t c) const {
    return index[c] < 0 ? 0.0 : static_cast<double>(product(static_cast<Eigen::Index>(r), index[c]));
  }
};

// Bootstrap: sums[i][c] = sum over the segments drawn in resample i of column
// c, i.e. the resample-count matrix times the statistics. Exact: products and
// sums are integers below 2**24 (float) or 2**53 (double).
template <typename Scalar>
std::vector<double> BootstrapSumsT(const std::vector<int32_t>& idxs, size_t n, const StatsColumns& cols, int threads) {
  const size_t N = cols.num_segments, K = cols.num_cols;
  RowMatrix<Scalar> x(N, K);
  size_t off = 0;
  for (const StatsMatrix* b : cols.blocks) {
    const size_t k = b->num_stats();
    for (size_t s = 0; s < N; ++s) {
      const int64_t* row = b->Row(s);
      for (size_t j = 0; j < k; ++j) x(s, off + j) = static_cast<Scalar>(row[j]);
    }
    off += k;
  }
  const DistinctColumns<Scalar> distinct(x, false);
  std::vector<double> out(n * K);
  ParallelFor(threads, n, [&](size_t begin, size_t end) {
    constexpr size_t kBlock = 256;
    RowMatrix<Scalar> counts(std::min(kBlock, end - begin), N);
    for (size_t r0 = begin; r0 < end; r0 += kBlock) {
      const size_t rows = std::min(kBlock, end - r0);
      counts.resize(rows, N);
      counts.setZero();
      for (size_t r = 0; r < rows; ++r) {
        const int32_t* draw = idxs.data() + (r0 + r) * N;
        for (size_t s = 0; s < N; ++s) counts(r, draw[s]) += Scalar(1);
      }
      const RowMatrix<Scalar> sums = counts * distinct.compact;
      for (size_t r = 0; r < rows; ++r) {
        for (size_t c = 0; c < K; ++c) out[(r0 + r) * K + c] = distinct.Get(sums, r, c);
      }
    }
  });
  return out;
}

std::vector<double> BootstrapSums(const std::vector<int32_t>& idxs, size_t n, const StatsColumns& cols, int threads) {
  if (static_cast<double>(cols.num_segments) * MaxAbs(cols) < kFloatExact) {
    return BootstrapSumsT<float>(idxs, n, cols, threads);
  }
  return BootstrapSumsT<double>(idxs, n, cols, threads);
}

// Scores of every resample of one block of `sums` (n x K, block at `offset`).
std::vector<double> ResampledScores(const Metric& metric, const std::vector<double>& sums, size_t n, size_t K,
                                    size_t offset, int threads) {
  std::vector<double> scores(n);
  ParallelFor(threads, n, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) scores[i] = metric.ResampledScore(sums.data() + i * K + offset);
  });
  return scores;
}

void CheckSegments(const StatsMatrix& m, const Metric& metric, const std::string& what) {
  if (m.num_segments() == 0) throw Error(ErrorKind::kInput, what + " has no segments to resample");
  if (m.num_stats() != metric.NumStats()) {
    throw Error(ErrorKind::kInternal, what + ": statistics have " + std::to_string(m.num_stats()) + " columns, " +
                                          metric.Name() + " needs " + std::to_string(metric.NumStats()));
  }
}

double CorpusScore(const Metric& metric, const StatsMatrix& m) {
  const std::vector<int64_t> total = m.Sum();
  return metric.Score(total.data()).score;
}

// Resampled scores from sacreBLEU's float32 per-segment statistics (see
// Metric::SacreFloat32Stats): `_s.sum(0)` over the drawn rows of an (N, width)
// float32 array adds them one after another in float32, in the drawn order.
std::vector<double> SequentialFloat32Scores(const Metric& metric, const std::vector<float>& seg, size_t width,
                                            const std::vector<int32_t>& idxs, size_t n, size_t N, int threads) {
  std::vector<double> scores(n);
  ParallelFor(threads, n, [&](size_t begin, size_t end) {
    std::vector<float> acc(width);
    for (size_t i = begin; i < end; ++i) {
      std::fill(acc.begin(), acc.end(), 0.0f);
      const int32_t* draw = idxs.data() + i * N;
      for (size_t s = 0; s < N; ++s) {
        const float* row = seg.data() + static_cast<size_t>(draw[s]) * width;
        for (size_t c = 0; c < width; ++c) acc[c] += row[c];
      }
      scores[i] = metric.ScoreFloat32Sums(acc.data());
    }
  });
  return scores;
}

// choice(N, size=count) drawn in chunks (numpy's choice has no per-call
// state, so the stream is the same) and kept as int32 to halve the memory.
std::vector<int32_t> DrawIndices(NumpyGenerator* gen, size_t N, size_t count) {
  if (N > static_cast<size_t>(INT32_MAX)) throw Error(ErrorKind::kUsage, "too many segments to resample");
  std::vector<int32_t> out(count);
  int64_t chunk[4096];
  for (size_t done = 0; done < count;) {
    const size_t k = std::min<size_t>(4096, count - done);
    gen->Choice(static_cast<int64_t>(N), k, chunk);
    for (size_t i = 0; i < k; ++i) out[done + i] = static_cast<int32_t>(chunk[i]);
    done += k;
  }
  return out;
}

// Draws choice(N, size=(n, N)) from `gen` and returns the resampled scores
// scores[m][j] of system systems[j] for metric m.
std::vector<std::vector<std::vector<double>>> BootstrapScores(NumpyGenerator* gen, size_t n,
                                                              const std::vector<const Metric*>& metrics,
                                                              const std::vector<std::vector<StatsMatrix>>& stats,
                                                              const std::vector<size_t>& systems, int threads) {
  const size_t M = metrics.size(), N = stats[0][0].num_segments();
  const std::vector<int32_t> idxs = DrawIndices(gen, N, n * N);
  StatsColumns cols;
  cols.num_segments = N;
  for (size_t m = 0; m < M; ++m) {
    for (size_t s : systems) cols.Add(stats[m][s]);
  }
  const std::vector<double> sums = BootstrapSums(idxs, n, cols, threads);
  std::vector<std::vector<std::vector<double>>> scores(M);
  size_t block = 0;
  std::vector<float> seg;
  for (size_t m = 0; m < M; ++m) {
    for (size_t j = 0; j < systems.size(); ++j, ++block) {
      const StatsMatrix& st = stats[m][systems[j]];
      const size_t width = metrics[m]->SacreFloat32Stats(st.data().data(), N, &seg);
      if (width > 0) {
        scores[m].push_back(SequentialFloat32Scores(*metrics[m], seg, width, idxs, n, N, threads));
      } else {
        scores[m].push_back(ResampledScores(*metrics[m], sums, n, cols.num_cols, cols.Offset(block), threads));
      }
    }
  }
  return scores;
}

// ---------------------------------------------------------------------------
// paired bootstrap

using Results = std::vector<std::vector<SignificanceResult>>;

void PairedBootstrap(const std::vector<const Metric*>& metrics, const std::vector<std::vector<StatsMatrix>>& stats,
                     const SignificanceOptions& o, Results* results) {
  const size_t M = metrics.size(), S = stats[0].size();
  const size_t n = static_cast<size_t>(o.bootstrap_samples);

  auto run = [&](NumpyGenerator gen, const std::vector<size_t>& systems) {
    return BootstrapScores(&gen, n, metrics, stats, systems, o.threads);
  };

  // The baseline's interval: _bootstrap_resample with the raw seed.
  std::vector<size_t> all(S);
  for (size_t s = 0; s < S; ++s) all[s] = s;
  const std::optional<uint64_t> paired_seed = PairedSeed(o.seed);
  const bool shared = paired_seed.has_value();  // every system draws the same indices
  auto base = run(MakeGenerator(o.seed), shared ? all : std::vector<size_t>{0});
  for (size_t m = 0; m < M; ++m) {
    const MeanCi mc = EstimateCi(base[m][0], true);
    (*results)[m][0].mean = mc.mean;
    (*results)[m][0].ci = mc.ci;
  }
  for (size_t s = 1; s < S; ++s) {
    std::vector<std::vector<double>> bl(M), sys(M);
    if (shared) {
      for (size_t m = 0; m < M; ++m) {
        bl[m] = base[m][0];
        sys[m] = base[m][s];
      }
    } else {
      auto own = run(NumpyGenerator::FromEntropy(), {0, s});
      for (size_t m = 0; m < M; ++m) {
        bl[m] = own[m][0];
        sys[m] = own[m][1];
      }
    }
    for (size_t m = 0; m < M; ++m) {
      SignificanceResult& r = (*results)[m][s];
      const MeanCi mc = EstimateCi(sys[m], true);
      r.mean = mc.mean;
      r.ci = mc.ci;
      std::vector<double> diffs(n);
      for (size_t i = 0; i < n; ++i) diffs[i] = std::abs(sys[m][i] - bl[m][i]);
      const double diffs_mean = NumpyMean(diffs);
      for (double& d : diffs) d -= diffs_mean;
      r.p_value = PValue(diffs, std::abs((*results)[m][0].score - r.score));
    }
  }
}

// ---------------------------------------------------------------------------
// paired approximate randomization

// integers(2, size=(n, N), dtype=bool) as one bit per draw, rows padded to
// whole 64-bit words. numpy's bool fill keeps a 32-bit buffer per call, so
// the draws are taken in chunks of a multiple of 32 values, which gives the
// same stream as one call.
std::vector<uint64_t> DrawSelectionBits(NumpyGenerator* gen, size_t n, size_t N) {
  const size_t words = (N + 63) / 64, total = n * N;
  std::vector<uint64_t> out(n * words, 0);
  std::vector<uint8_t> chunk(32 * 1024);
  size_t row = 0, col = 0;
  for (size_t done = 0; done < total;) {
    const size_t k = std::min(chunk.size(), total - done);
    gen->Bools(k, chunk.data());
    for (size_t i = 0; i < k; ++i) {
      out[row * words + col / 64] |= static_cast<uint64_t>(chunk[i] & 1) << (col % 64);
      if (++col == N) {
        col = 0;
        ++row;
      }
    }
    done += k;
  }
  return out;
}

// For systems[j] (all > 0) and every trial i, whether |score(shuf_a) -
// score(shuf_b)| > |real difference|, counted per (metric, system).
// shuf_a = sys + P (bl - sys), shuf_b = bl - P (bl - sys), with P the 0/1
// trial selection matrix.
template <typename Scalar>
void ArCountsT(const std::vector<uint64_t>& sel, size_t n, const std::vector<const Metric*>& metrics,
               const std::vector<std::vector<StatsMatrix>>& stats, const std::vector<size_t>& systems,
               const std::vector<std::vector<double>>& real_diff, int threads,
               std::vector<std::vector<size_t>>* counts) {
  const size_t M = metrics.size(), N = stats[0][0].num_segments();
  // Difference columns and the totals of baseline and system.
  size_t K = 0;
  std::vector<size_t> offset;
  for (size_t m = 0; m < M; ++m) {
    for (size_t j = 0; j < systems.size(); ++j) {
      offset.push_back(K);
      K += metrics[m]->NumStats();
    }
  }
  RowMatrix<Scalar> d(N, K);
  std::vector<int64_t> bl_total(K), sys_total(K);
  for (size_t m = 0, b = 0; m < M; ++m) {
    const StatsMatrix& bl = stats[m][0];
    const std::vector<int64_t> blt = bl.Sum();
    for (size_t j = 0; j < systems.size(); ++j, ++b) {
      const StatsMatrix& sy = stats[m][systems[j]];
      const std::vector<int64_t> syt = sy.Sum();
      const size_t k = sy.num_stats();
      for (size_t c = 0; c < k; ++c) {
        bl_total[offset[b] + c] = blt[c];
        sys_total[offset[b] + c] = syt[c];
      }
      for (size_t s = 0; s < N; ++s) {
        for (size_t c = 0; c < k; ++c) d(s, offset[b] + c) = static_cast<Scalar>(bl.Row(s)[c] - sy.Row(s)[c]);
      }
    }
  }
  const DistinctColumns<Scalar> distinct(d, true);
  const size_t words = (N + 63) / 64;
  // Counts per block of trials, summed afterwards in block order.
  const size_t J = systems.size(), num_blocks = (n + 255) / 256;
  std::vector<size_t> partial(num_blocks * M * J, 0);
  ParallelFor(threads, num_blocks, [&](size_t block_begin, size_t block_end) {
    RowMatrix<Scalar> p;
    std::vector<int64_t> a, bvec;
    for (size_t blk = block_begin; blk < block_end; ++blk) {
      const size_t r0 = blk * 256, rows = std::min<size_t>(256, n - r0);
      p.resize(rows, N);
      for (size_t r = 0; r < rows; ++r) {
        const uint64_t* bits = sel.data() + (r0 + r) * words;
        for (size_t c = 0; c < N; ++c) p(r, c) = static_cast<Scalar>((bits[c / 64] >> (c % 64)) & 1);
      }
      const RowMatrix<Scalar> pd = p * distinct.compact;
      for (size_t m = 0, b = 0; m < M; ++m) {
        const size_t k = metrics[m]->NumStats();
        a.resize(k);
        bvec.resize(k);
        for (size_t j = 0; j < systems.size(); ++j, ++b) {
          size_t c = 0;
          for (size_t r = 0; r < rows; ++r) {
            for (size_t x = 0; x < k; ++x) {
              const int64_t v = static_cast<int64_t>(distinct.Get(pd, r, offset[b] + x));
              a[x] = sys_total[offset[b] + x] + v;
              bvec[x] = bl_total[offset[b] + x] - v;
            }
            const double diff = std::abs(metrics[m]->ScoreValue(a.data()) - metrics[m]->ScoreValue(bvec.data()));
            c += diff > real_diff[m][j] ? 1 : 0;
          }
          partial[(blk * M + m) * J + j] = c;
        }
      }
    }
  });
  for (size_t m = 0; m < M; ++m) {
    for (size_t j = 0; j < systems.size(); ++j) {
      size_t c = 0;
      for (size_t blk = 0; blk < num_blocks; ++blk) c += partial[(blk * M + m) * J + j];
      (*counts)[m][j] = c;
    }
  }
}

void PairedAr(const std::vector<const Metric*>& metrics, const std::vector<std::vector<StatsMatrix>>& stats,
              const SignificanceOptions& o, Results* results) {
  const size_t M = metrics.size(), S = stats[0].size(), N = stats[0][0].num_segments();
  const size_t n = static_cast<size_t>(o.ar_trials);
  const size_t n_conf = static_cast<size_t>(o.ar_confidence_samples);

  auto process = [&](NumpyGenerator gen, const std::vector<size_t>& systems) {
    const std::vector<uint64_t> sel = DrawSelectionBits(&gen, n, N);
    std::vector<std::vector<double>> real(M, std::vector<double>(systems.size()));
    double max_abs = 0.0;
    for (size_t m = 0; m < M; ++m) {
      for (size_t j = 0; j < systems.size(); ++j) {
        real[m][j] = std::abs((*results)[m][0].score - (*results)[m][systems[j]].score);
        const StatsMatrix& bl = stats[m][0];
        const StatsMatrix& sy = stats[m][systems[j]];
        for (size_t c = 0; c < bl.num_stats(); ++c) {
          double col = 0.0;
          for (size_t s = 0; s < N; ++s) col += std::abs(static_cast<double>(bl.Row(s)[c] - sy.Row(s)[c]));
          max_abs = std::max(max_abs, col);
        }
      }
    }
    std::vector<std::vector<size_t>> counts(M, std::vector<size_t>(systems.size()));
    if (max_abs < kFloatExact) {
      ArCountsT<float>(sel, n, metrics, stats, systems, real, o.threads, &counts);
    } else {
      ArCountsT<double>(sel, n, metrics, stats, systems, real, o.threads, &counts);
    }
    for (size_t m = 0; m < M; ++m) {
      for (size_t j = 0; j < systems.size(); ++j) {
        (*results)[m][systems[j]].p_value = static_cast<double>(counts[m][j] + 1) / static_cast<double>(n + 1);
      }
    }
    if (n_conf > 0) {
      // The generator continues: choice(N, size=(n_conf, N)).
      const auto scores = BootstrapScores(&gen, n_conf, metrics, stats, systems, o.threads);
      for (size_t m = 0; m < M; ++m) {
        for (size_t j = 0; j < systems.size(); ++j) {
          const MeanCi mc = EstimateCi(scores[m][j], true);
          (*results)[m][systems[j]].mean = mc.mean;
          (*results)[m][systems[j]].ci = mc.ci;
        }
      }
    }
  };

  if (n_conf > 0) {
    // Baseline: _bootstrap_resample(raw seed) then estimate_ci (numpy mean).
    NumpyGenerator gen = MakeGenerator(o.seed);
    const auto scores = BootstrapScores(&gen, n_conf, metrics, stats, {0}, o.threads);
    for (size_t m = 0; m < M; ++m) {
      const MeanCi mc = EstimateCi(scores[m][0], true);
      (*results)[m][0].mean = mc.mean;
      (*results)[m][0].ci = mc.ci;
    }
  }

  const std::optional<uint64_t> paired_seed = PairedSeed(o.seed);
  if (paired_seed) {
    std::vector<size_t> systems;
    for (size_t s = 1; s < S; ++s) systems.push_back(s);
    process(NumpyGenerator(*paired_seed), systems);
  } else {
    for (size_t s = 1; s < S; ++s) process(NumpyGenerator::FromEntropy(), {s});
  }
}

}  // namespace

void SignificanceOptions::Validate() const {
  if (bootstrap_samples < 1) {
    throw Error(ErrorKind::kUsage, "invalid number of bootstrap resamples " + std::to_string(bootstrap_samples) +
                                       " (--confidence-n / --paired-bs-n need an integer >= 1)");
  }
  if (ar_trials < 1) {
    throw Error(ErrorKind::kUsage, "invalid number of approximate randomization trials " + std::to_string(ar_trials) +
                                       " (--paired-ar-n needs an integer >= 1)");
  }
  if (ar_confidence_samples < 0) {
    throw Error(ErrorKind::kUsage, "invalid number of AR confidence resamples " +
                                       std::to_string(ar_confidence_samples) + " (allowed: 0 = none, or >= 1)");
  }
  if (threads < 1) {
    throw Error(ErrorKind::kUsage, "invalid --paired-jobs " + std::to_string(threads) + " (allowed: an integer >= 1)");
  }
}

SignificanceResult BootstrapConfidence(const Metric& metric, const StatsMatrix& stats,
                                       const SignificanceOptions& options) {
  options.Validate();
  CheckSegments(stats, metric, "the system");
  NumpyGenerator gen = MakeGenerator(options.seed);
  const auto scores = BootstrapScores(&gen, static_cast<size_t>(options.bootstrap_samples), {&metric}, {{stats}}, {0},
                                      options.threads);
  // Score.estimate_ci: Python's statistics.mean.
  const MeanCi mc = EstimateCi(scores[0][0], false);
  SignificanceResult r;
  r.score = CorpusScore(metric, stats);
  r.mean = mc.mean;
  r.ci = mc.ci;
  return r;
}

std::vector<std::vector<SignificanceResult>> PairedTest(
    PairedTestKind kind, const std::vector<const Metric*>& metrics,
    const std::vector<std::vector<StatsMatrix>>& stats, const std::vector<std::string>& system_names,
    const SignificanceOptions& options) {
  options.Validate();
  if (metrics.empty()) throw Error(ErrorKind::kUsage, "a paired test needs at least one metric");
  if (stats.size() != metrics.size()) {
    throw Error(ErrorKind::kInternal, "paired test: statistics given for " + std::to_string(stats.size()) +
                                          " metrics, expected " + std::to_string(metrics.size()));
  }
  const size_t S = stats[0].size();
  if (S < 2) {
    throw Error(ErrorKind::kUsage, "a paired test needs at least 2 systems (a baseline and one to compare), got " +
                                       std::to_string(S) + "; give more system outputs with -i");
  }
  auto name = [&](size_t s) {
    return s < system_names.size() ? "system '" + system_names[s] + "'" : "system " + std::to_string(s + 1);
  };
  for (size_t m = 0; m < metrics.size(); ++m) {
    if (stats[m].size() != S) {
      throw Error(ErrorKind::kInternal, "paired test: metric " + metrics[m]->Name() + " has statistics for " +
                                            std::to_string(stats[m].size()) + " systems, expected " +
                                            std::to_string(S));
    }
    const size_t N = stats[m][0].num_segments();
    for (size_t s = 0; s < S; ++s) {
      if (stats[m][s].num_segments() != N) {
        throw Error(ErrorKind::kMismatch, name(s) + " has " + std::to_string(stats[m][s].num_segments()) +
                                              " segments but the baseline " + name(0) + " has " +
                                              std::to_string(N) + "; every system must translate the same lines");
      }
      CheckSegments(stats[m][s], *metrics[m], name(s));
    }
    if (stats[m][0].num_segments() != stats[0][0].num_segments()) {
      throw Error(ErrorKind::kInternal, "paired test: metrics disagree on the number of segments");
    }
  }
  Results results(metrics.size(), std::vector<SignificanceResult>(S));
  for (size_t m = 0; m < metrics.size(); ++m) {
    for (size_t s = 0; s < S; ++s) results[m][s].score = CorpusScore(*metrics[m], stats[m][s]);
  }
  if (kind == PairedTestKind::kBootstrap) {
    PairedBootstrap(metrics, stats, options, &results);
  } else {
    PairedAr(metrics, stats, options, &results);
  }
  if (options.identical_p_one) {
    for (size_t m = 0; m < metrics.size(); ++m) {
      for (size_t s = 1; s < S; ++s) {
        if (stats[m][s].data() == stats[m][0].data()) results[m][s].p_value = 1.0;
      }
    }
  }
  return results;
}

std::optional<uint64_t> ParseSeed(const std::string& text, const std::string& what) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "none") return std::nullopt;
  // Python's int(): optional surrounding whitespace, optional '+', digits.
  size_t b = text.find_first_not_of(" \t\n\r\f\v"), e = text.find_last_not_of(" \t\n\r\f\v");
  std::string t = b == std::string::npos ? "" : text.substr(b, e - b + 1);
  if (!t.empty() && t[0] == '+') t = t.substr(1);
  bool ok = !t.empty() && t.size() <= 19;
  for (char c : t) ok = ok && c >= '0' && c <= '9';
  if (!ok) {
    throw Error(ErrorKind::kUsage, "invalid " + what + " '" + text +
                                       "' (allowed: a non-negative integer below 10**19, or 'none' for a random seed)");
  }
  return std::stoull(t);
}

std::optional<uint64_t> SeedFromEnvironment() {
  const char* v = std::getenv("SACREBLEU_SEED");
  if (v == nullptr) return 12345;
  return ParseSeed(v, "SACREBLEU_SEED");
}

}  // namespace mteval
