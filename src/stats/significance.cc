#include <mteval/significance.h>

#include <Eigen/Core>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <unordered_map>

#include <mteval/error.h>
#include "common/memory_limit.h"
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

// Work is done in chunks of resamples (or trials) so that memory does not
// grow with their number: a chunk's draws, and each thread's count or
// selection matrix, hold about SignificanceOptions::chunk_entries values
// (one per segment and resample). Sums of integers are exact whatever the
// chunking, and the draws are taken from the generator in the same order, so
// the numbers are those of one undivided run.

// Rows (resamples or trials) per chunk: chunk_entries values in all.
size_t ChunkRows(size_t N, size_t chunk_entries) { return std::max<size_t>(1, chunk_entries / std::max<size_t>(1, N)); }

// Rows per block of a matrix product: 256, fewer when segments are so many
// that a block would pass chunk_entries values.
size_t BlockRows(size_t N, size_t chunk_entries) { return std::min<size_t>(256, ChunkRows(N, chunk_entries)); }

// Bootstrap: sums[i][c] = sum over the segments drawn in resample i of column
// c, i.e. the resample-count matrix times the statistics. Exact: products and
// sums are integers below 2**24 (float) or 2**53 (double). Interface of the
// two instantiations below.
class ResampleSums {
 public:
  virtual ~ResampleSums() = default;
  // out[i * K + c] for the `rows` resamples whose draws are idxs[i * N ..].
  virtual void Sums(const std::vector<int32_t>& idxs, size_t rows, int threads, std::vector<double>* out) const = 0;
};

template <typename Scalar>
class ResampleSumsT final : public ResampleSums {
 public:
  ResampleSumsT(const StatsColumns& cols, size_t block_rows)
      : N_(cols.num_segments), K_(cols.num_cols), block_rows_(block_rows), distinct_(Columns(cols), false) {}

  void Sums(const std::vector<int32_t>& idxs, size_t rows, int threads, std::vector<double>* out) const override {
    out->resize(rows * K_);
    const size_t block = block_rows_;
    ParallelFor(threads, rows, [&](size_t begin, size_t end) {
      RowMatrix<Scalar> counts(std::min(block, end - begin), N_);
      for (size_t r0 = begin; r0 < end; r0 += block) {
        const size_t n = std::min(block, end - r0);
        counts.resize(n, N_);
        counts.setZero();
        for (size_t r = 0; r < n; ++r) {
          const int32_t* draw = idxs.data() + (r0 + r) * N_;
          for (size_t s = 0; s < N_; ++s) counts(r, draw[s]) += Scalar(1);
        }
        const RowMatrix<Scalar> sums = counts * distinct_.compact;
        for (size_t r = 0; r < n; ++r) {
          for (size_t c = 0; c < K_; ++c) (*out)[(r0 + r) * K_ + c] = distinct_.Get(sums, r, c);
        }
      }
    });
  }

 private:
  static RowMatrix<Scalar> Columns(const StatsColumns& cols) {
    RowMatrix<Scalar> x(cols.num_segments, cols.num_cols);
    size_t off = 0;
    for (const StatsMatrix* b : cols.blocks) {
      const size_t k = b->num_stats();
      for (size_t s = 0; s < cols.num_segments; ++s) {
        const int64_t* row = b->Row(s);
        for (size_t j = 0; j < k; ++j) x(s, off + j) = static_cast<Scalar>(row[j]);
      }
      off += k;
    }
    return x;
  }

  size_t N_, K_, block_rows_;
  DistinctColumns<Scalar> distinct_;
};

std::unique_ptr<ResampleSums> MakeResampleSums(const StatsColumns& cols, size_t block_rows) {
  if (static_cast<double>(cols.num_segments) * MaxAbs(cols) < kFloatExact) {
    return std::make_unique<ResampleSumsT<float>>(cols, block_rows);
  }
  return std::make_unique<ResampleSumsT<double>>(cols, block_rows);
}

// Scores of `rows` resamples from one block of `sums` (rows x K, block at
// `offset`), written to out[0 .. rows).
void ResampledScores(const Metric& metric, const std::vector<double>& sums, size_t rows, size_t K, size_t offset,
                     int threads, double* out) {
  ParallelFor(threads, rows, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) out[i] = metric.ResampledScore(sums.data() + i * K + offset);
  });
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
// Scores of the `rows` resamples of `idxs`, written to out[0 .. rows).
void SequentialFloat32Scores(const Metric& metric, const std::vector<float>& seg, size_t width,
                             const std::vector<int32_t>& idxs, size_t rows, size_t N, int threads, double* out) {
  ParallelFor(threads, rows, [&](size_t begin, size_t end) {
    std::vector<float> acc(width);
    for (size_t i = begin; i < end; ++i) {
      std::fill(acc.begin(), acc.end(), 0.0f);
      const int32_t* draw = idxs.data() + i * N;
      for (size_t s = 0; s < N; ++s) {
        const float* row = seg.data() + static_cast<size_t>(draw[s]) * width;
        for (size_t c = 0; c < width; ++c) acc[c] += row[c];
      }
      out[i] = metric.ScoreFloat32Sums(acc.data());
    }
  });
}

// choice(N, size=count) drawn in pieces (numpy's choice has no per-call
// state, so the stream is the same) into *out, kept as int32 to halve the
// memory.
void DrawIndices(NumpyGenerator* gen, size_t N, size_t count, std::vector<int32_t>* out) {
  if (N > static_cast<size_t>(INT32_MAX)) throw Error(ErrorKind::kUsage, "too many segments to resample");
  out->resize(count);
  int64_t chunk[4096];
  for (size_t done = 0; done < count;) {
    const size_t k = std::min<size_t>(4096, count - done);
    gen->Choice(static_cast<int64_t>(N), k, chunk);
    for (size_t i = 0; i < k; ++i) (*out)[done + i] = static_cast<int32_t>(chunk[i]);
    done += k;
  }
}

// Draws choice(N, size=(n, N)) from `gen` and returns the resampled scores
// scores[m][j] of system systems[j] for metric m, drawing and summing a
// chunk of resamples at a time.
std::vector<std::vector<std::vector<double>>> BootstrapScores(NumpyGenerator* gen, size_t n,
                                                              const std::vector<const Metric*>& metrics,
                                                              const std::vector<std::vector<StatsMatrix>>& stats,
                                                              const std::vector<size_t>& systems,
                                                              const SignificanceOptions& o) {
  const size_t M = metrics.size(), N = stats[0][0].num_segments();
  const int threads = o.threads;
  StatsColumns cols;
  cols.num_segments = N;
  for (size_t m = 0; m < M; ++m) {
    for (size_t s : systems) cols.Add(stats[m][s]);
  }
  // Per (metric, system) block: sacreBLEU's float32 statistics, or none
  // (width 0) when the scores come from the exact sums.
  std::vector<std::vector<float>> seg(cols.blocks.size());
  std::vector<size_t> width(cols.blocks.size());
  bool need_sums = false;
  for (size_t m = 0, b = 0; m < M; ++m) {
    for (size_t j = 0; j < systems.size(); ++j, ++b) {
      width[b] = metrics[m]->SacreFloat32Stats(stats[m][systems[j]].data().data(), N, &seg[b]);
      need_sums = need_sums || width[b] == 0;
    }
  }
  const std::unique_ptr<ResampleSums> summer =
      need_sums ? MakeResampleSums(cols, BlockRows(N, o.chunk_entries)) : nullptr;
  std::vector<std::vector<std::vector<double>>> scores(M, std::vector<std::vector<double>>(systems.size()));
  for (auto& per_metric : scores) {
    for (auto& v : per_metric) v.resize(n);
  }
  const size_t chunk = ChunkRows(N, o.chunk_entries);
  std::vector<int32_t> idxs;
  std::vector<double> sums;
  for (size_t r0 = 0; r0 < n; r0 += chunk) {
    const size_t rows = std::min(chunk, n - r0);
    DrawIndices(gen, N, rows * N, &idxs);
    if (summer) summer->Sums(idxs, rows, threads, &sums);
    for (size_t m = 0, b = 0; m < M; ++m) {
      for (size_t j = 0; j < systems.size(); ++j, ++b) {
        double* out = scores[m][j].data() + r0;
        if (width[b] > 0) {
          SequentialFloat32Scores(*metrics[m], seg[b], width[b], idxs, rows, N, threads, out);
        } else {
          ResampledScores(*metrics[m], sums, rows, cols.num_cols, cols.Offset(b), threads, out);
        }
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
    return BootstrapScores(&gen, n, metrics, stats, systems, o);
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

// integers(2, size=(n, N), dtype=bool), one row of N draws per trial, as
// bits. numpy's bool fill keeps a 32-bit buffer per call, so the draws are
// taken from the generator in pieces of a multiple of 32 values, which gives
// the same stream as one call; the rows are handed out a chunk of trials at
// a time.
class SelectionBits {
 public:
  SelectionBits(NumpyGenerator* gen, size_t n, size_t N) : gen_(gen), N_(N), left_(n * N), buffer_(32 * 1024) {}

  size_t words_per_row() const { return (N_ + 63) / 64; }

  // The next `rows` rows, each padded to whole 64-bit words.
  void NextRows(size_t rows, std::vector<uint64_t>* out) {
    const size_t words = words_per_row();
    out->assign(rows * words, 0);
    for (size_t r = 0; r < rows; ++r) {
      uint64_t* row = out->data() + r * words;
      for (size_t c = 0; c < N_; ++c) {
        if (pos_ == filled_) Refill();
        row[c / 64] |= static_cast<uint64_t>(buffer_[pos_++] & 1) << (c % 64);
      }
    }
  }

 private:
  void Refill() {
    filled_ = std::min(buffer_.size(), left_);
    gen_->Bools(filled_, buffer_.data());
    left_ -= filled_;
    pos_ = 0;
  }

  NumpyGenerator* gen_;
  size_t N_, left_;  // left_: draws not yet taken from the generator
  std::vector<uint8_t> buffer_;
  size_t pos_ = 0, filled_ = 0;
};

// For systems[j] (all > 0) and every trial i, whether |score(shuf_a) -
// score(shuf_b)| > |real difference|, counted per (metric, system).
// shuf_a = sys + P (bl - sys), shuf_b = bl - P (bl - sys), with P the 0/1
// trial selection matrix.
template <typename Scalar>
void ArCountsT(SelectionBits* bits_source, size_t n, const std::vector<const Metric*>& metrics,
               const std::vector<std::vector<StatsMatrix>>& stats, const std::vector<size_t>& systems,
               const std::vector<std::vector<double>>& real_diff, int threads, size_t chunk_entries,
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
  const size_t words = bits_source->words_per_row();
  // Counts per block of trials, summed afterwards.
  const size_t J = systems.size(), block_rows = BlockRows(N, chunk_entries);
  const size_t chunk = ChunkRows(N, chunk_entries);
  std::vector<std::vector<size_t>> total(M, std::vector<size_t>(J, 0));
  std::vector<uint64_t> sel;
  for (size_t t0 = 0; t0 < n; t0 += chunk) {
    const size_t trials = std::min(chunk, n - t0);
    bits_source->NextRows(trials, &sel);
    const size_t num_blocks = (trials + block_rows - 1) / block_rows;
    std::vector<size_t> partial(num_blocks * M * J, 0);
    ParallelFor(threads, num_blocks, [&](size_t block_begin, size_t block_end) {
      RowMatrix<Scalar> p;
      std::vector<int64_t> a, bvec;
      for (size_t blk = block_begin; blk < block_end; ++blk) {
        const size_t r0 = blk * block_rows, rows = std::min(block_rows, trials - r0);
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
      for (size_t j = 0; j < J; ++j) {
        for (size_t blk = 0; blk < num_blocks; ++blk) total[m][j] += partial[(blk * M + m) * J + j];
      }
    }
  }
  *counts = std::move(total);
}

void PairedAr(const std::vector<const Metric*>& metrics, const std::vector<std::vector<StatsMatrix>>& stats,
              const SignificanceOptions& o, Results* results) {
  const size_t M = metrics.size(), S = stats[0].size(), N = stats[0][0].num_segments();
  const size_t n = static_cast<size_t>(o.ar_trials);
  const size_t n_conf = static_cast<size_t>(o.ar_confidence_samples);

  auto process = [&](NumpyGenerator gen, const std::vector<size_t>& systems) {
    SelectionBits sel(&gen, n, N);
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
      ArCountsT<float>(&sel, n, metrics, stats, systems, real, o.threads, o.chunk_entries, &counts);
    } else {
      ArCountsT<double>(&sel, n, metrics, stats, systems, real, o.threads, o.chunk_entries, &counts);
    }
    for (size_t m = 0; m < M; ++m) {
      for (size_t j = 0; j < systems.size(); ++j) {
        (*results)[m][systems[j]].p_value = static_cast<double>(counts[m][j] + 1) / static_cast<double>(n + 1);
      }
    }
    if (n_conf > 0) {
      // The generator continues: choice(N, size=(n_conf, N)).
      const auto scores = BootstrapScores(&gen, n_conf, metrics, stats, systems, o);
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
    const auto scores = BootstrapScores(&gen, n_conf, metrics, stats, {0}, o);
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

// ---------------------------------------------------------------------------
// memory

// What a bootstrap of n resamples of `blocks` (metric, system) columns needs
// beyond the statistics themselves: the scores with a sorted copy and the
// differences of one comparison, a chunk's draws and sums, each thread's
// count matrix, and the statistics as a matrix with its distinct columns.
uint64_t BootstrapBytes(size_t n, size_t blocks, size_t N, size_t K, const SignificanceOptions& o) {
  const uint64_t rows = std::min<uint64_t>(n, ChunkRows(N, o.chunk_entries));
  return uint64_t{n} * 8 * (blocks + 3) + rows * N * 4 + rows * K * 8 +
         uint64_t(o.threads) * BlockRows(N, o.chunk_entries) * N * 8 + uint64_t{N} * K * 16;
}

// What approximate randomization needs: a chunk's selection bits, each
// thread's selection matrix, and the differences as a matrix with its
// distinct columns.
uint64_t ArBytes(size_t n, size_t N, size_t K, const SignificanceOptions& o) {
  const uint64_t rows = std::min<uint64_t>(n, ChunkRows(N, o.chunk_entries));
  return rows * ((N + 63) / 64) * 8 + uint64_t(o.threads) * BlockRows(N, o.chunk_entries) * N * 8 +
         uint64_t{N} * K * 16;
}

std::string Plural(size_t n, const std::string& one) { return std::to_string(n) + " " + one + (n == 1 ? "" : "s"); }

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
  if (chunk_entries < 1) throw Error(ErrorKind::kUsage, "significance: chunk_entries must be >= 1");
}

SignificanceResult BootstrapConfidence(const Metric& metric, const StatsMatrix& stats,
                                       const SignificanceOptions& options) {
  options.Validate();
  CheckSegments(stats, metric, "the system");
  const size_t n = static_cast<size_t>(options.bootstrap_samples);
  CheckMemoryRequest(BootstrapBytes(n, 1, stats.num_segments(), stats.num_stats(), options),
                     "the bootstrap confidence interval with " + Plural(n, "resample") + " of " +
                         Plural(stats.num_segments(), "segment"),
                     "ask for fewer resamples (--confidence-n)");
  NumpyGenerator gen = MakeGenerator(options.seed);
  auto scores = BootstrapScores(&gen, static_cast<size_t>(options.bootstrap_samples), {&metric}, {{stats}}, {0},
                                options);
  // Score.estimate_ci: Python's statistics.mean.
  const MeanCi mc = EstimateCi(std::move(scores[0][0]), false);
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
  const size_t N = stats[0][0].num_segments();
  size_t K = 0;
  for (const Metric* m : metrics) K += m->NumStats() * S;
  const size_t blocks = metrics.size() * S;
  if (kind == PairedTestKind::kBootstrap) {
    const size_t n = static_cast<size_t>(options.bootstrap_samples);
    CheckMemoryRequest(BootstrapBytes(n, blocks, N, K, options),
                       "the paired bootstrap with " + Plural(n, "resample") + " of " + Plural(S, "system") + " and " +
                           Plural(metrics.size(), "metric") + " over " + Plural(N, "segment"),
                       "ask for fewer resamples (--paired-bs-n)");
  } else {
    const size_t n = static_cast<size_t>(options.ar_trials), n_conf = static_cast<size_t>(options.ar_confidence_samples);
    CheckMemoryRequest(ArBytes(n, N, K, options) + (n_conf ? BootstrapBytes(n_conf, blocks, N, K, options) : 0),
                       "paired approximate randomization with " + Plural(n, "trial") + " of " + Plural(S, "system") +
                           " over " + Plural(N, "segment"),
                       "ask for fewer trials (--paired-ar-n)");
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
