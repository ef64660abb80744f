#include "score/sentence_stream.h"

#include <sys/stat.h>

#include <exception>
#include <memory>
#include <string>
#include <thread>

#include <mteval/error.h>
#include "corpus/line_stream.h"

namespace mteval {
namespace {

const char kOneSystem[] = "only one system can be evaluated in sentence-level mode (-sl)";

// Splits at most max_fields tab-separated fields into `fields`, as
// LoadTextCorpus does (the last field keeps any further tabs).
void SplitTabs(const std::string& line, size_t max_fields, std::vector<std::string>* fields) {
  fields->clear();
  size_t start = 0;
  while (fields->size() + 1 < max_fields) {
    size_t tab = line.find('\t', start);
    if (tab == std::string::npos) break;
    fields->push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  fields->push_back(line.substr(start));
}

std::string FieldCountError(const std::string& path, uint64_t line, size_t k, size_t found) {
  return path + ": line " + std::to_string(line) + ": expected " + std::to_string(k) +
         " tab-separated references (-nr " + std::to_string(k) + "), found " + std::to_string(found);
}

std::string StdinFieldError(uint64_t line, size_t found) {
  return "<stdin>: line " + std::to_string(line) + " has " + std::to_string(found) +
         " tab-separated fields but line 1 has 1 (one field per system)";
}

std::string CountMismatch(const std::string& sys, uint64_t sys_lines, const std::string& ref, uint64_t ref_lines) {
  return "line counts differ: '" + sys + "' has " + std::to_string(sys_lines) + " lines but reference '" + ref +
         "' has " + std::to_string(ref_lines) + "; every system output needs exactly one line per reference segment";
}

// The reference side: one stream per file, or one -nr file split into fields.
class RefReader {
 public:
  explicit RefReader(const TextCorpusOptions& o) : num_refs_(static_cast<size_t>(o.num_refs)) {
    for (const std::string& p : o.ref_paths) streams_.push_back(std::make_unique<LineStream>(p));
    if (num_refs_ == 1) {
      for (const std::string& p : o.ref_paths) names_.push_back(p);
    } else {
      for (size_t i = 0; i < num_refs_; ++i) names_.push_back(o.ref_paths[0] + ":" + std::to_string(i + 1));
    }
    refs_.resize(names_.size());
  }

  const std::vector<std::string>& names() const { return names_; }

  // Reads the next segment's references; false when every stream has ended.
  // With several files, the first pass has checked that they line up.
  bool Next() {
    if (num_refs_ > 1) {
      if (!streams_[0]->Next(&line_)) return false;
      SplitTabs(line_, num_refs_, &refs_);
      if (refs_.size() != num_refs_) {
        throw Error(ErrorKind::kInput,
                    FieldCountError(streams_[0]->name(), streams_[0]->lines(), num_refs_, refs_.size()));
      }
      return true;
    }
    bool any = false;
    for (size_t r = 0; r < streams_.size(); ++r) any = streams_[r]->Next(&refs_[r]) || any;
    return any;
  }

  const std::vector<std::string>& refs() const { return refs_; }

 private:
  size_t num_refs_;
  std::vector<std::unique_ptr<LineStream>> streams_;
  std::vector<std::string> names_;
  std::vector<std::string> refs_;
  std::string line_;
};

// First pass over every file: UTF-8, -nr fields, and line counts, so that
// file errors come before any output. Returns the reference line count.
uint64_t CheckFiles(const TextCorpusOptions& o) {
  std::vector<uint64_t> ref_lines;
  if (o.num_refs > 1) {
    LineStream s(o.ref_paths[0]);
    std::string line;
    std::vector<std::string> fields;
    const auto k = static_cast<size_t>(o.num_refs);
    while (s.Next(&line)) {
      SplitTabs(line, k, &fields);
      if (fields.size() != k) throw Error(ErrorKind::kInput, FieldCountError(s.name(), s.lines(), k, fields.size()));
    }
    ref_lines.assign(k, s.lines());
  } else {
    for (const std::string& p : o.ref_paths) ref_lines.push_back(CountLines(p));
  }
  RefReader names(o);  // for the names only (opening is cheap)
  if (!o.hyp_paths.empty()) {
    const std::string& sys = o.hyp_paths[0];
    const uint64_t n = CountLines(sys);
    for (size_t r = 0; r < ref_lines.size(); ++r) {
      if (ref_lines[r] != n) throw Error(ErrorKind::kMismatch, CountMismatch(sys, n, names.names()[r], ref_lines[r]));
    }
  } else {
    // Standard input is checked as it is read; the references must at least
    // agree with each other.
    for (size_t r = 1; r < ref_lines.size(); ++r) {
      if (ref_lines[r] != ref_lines[0]) {
        throw Error(ErrorKind::kMismatch, "line counts differ: reference '" + names.names()[r] + "' has " +
                                              std::to_string(ref_lines[r]) + " lines but reference '" +
                                              names.names()[0] + "' has " + std::to_string(ref_lines[0]));
      }
    }
  }
  return ref_lines.empty() ? 0 : ref_lines[0];
}

// One system's lines: a file, or standard input (one field per line).
class HypReader {
 public:
  explicit HypReader(const TextCorpusOptions& o)
      : stream_(o.hyp_paths.empty() ? "-" : o.hyp_paths[0]), is_stdin_(o.hyp_paths.empty()) {
    name_ = is_stdin_ ? "System 1" : o.hyp_paths[0];
  }

  bool Next(std::string* hyp) {
    if (!stream_.Next(hyp)) return false;
    if (is_stdin_ && hyp->find('\t') != std::string::npos) {
      // LoadTextCorpus takes line 1's field count as the number of systems.
      if (stream_.lines() == 1) throw Error(ErrorKind::kUsage, kOneSystem);
      size_t fields = 1;
      for (char c : *hyp) fields += c == '\t';
      throw Error(ErrorKind::kInput, StdinFieldError(stream_.lines(), fields));
    }
    return true;
  }

  uint64_t lines() const { return stream_.lines(); }
  const std::string& name() const { return name_; }

 private:
  LineStream stream_;
  bool is_stdin_;
  std::string name_;
};

// Plain-text files read in lockstep: the source of StreamSentenceStats.
class TextSegmentSource final : public SegmentSource {
 public:
  TextSegmentSource(const TextCorpusOptions& o, uint64_t ref_count) : refs_(o), hyps_(o), ref_count_(ref_count) {}

  bool Next(std::vector<std::string>* refs, std::string* hyp) override {
    const bool have_hyp = hyps_.Next(hyp);
    const bool have_ref = refs_.Next();
    if (!have_hyp && !have_ref) return false;
    if (!have_ref) {  // standard input is longer: count the rest for the message
      std::string rest;
      while (hyps_.Next(&rest)) {
      }
      throw Mismatch();
    }
    if (!have_hyp) throw Mismatch();
    *refs = refs_.refs();
    return true;
  }

 private:
  Error Mismatch() const {
    return Error(ErrorKind::kMismatch, CountMismatch(hyps_.name(), hyps_.lines(), refs_.names()[0], ref_count_));
  }

  RefReader refs_;
  HypReader hyps_;
  uint64_t ref_count_;
};

}  // namespace

bool CanStreamSentenceStats(const TextCorpusOptions& corpus) {
  auto regular = [](const std::string& path) {
    struct stat st;
    return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  for (const std::string& p : corpus.ref_paths) {
    if (!regular(p)) return false;
  }
  for (const std::string& p : corpus.hyp_paths) {
    if (!regular(p)) return false;
  }
  return true;
}

SentenceStreamResult StreamSentenceStats(const Metric& metric, const SentenceStreamOptions& options,
                                         const std::function<void(uint64_t, const int64_t*)>& emit) {
  const TextCorpusOptions& co = options.corpus;
  co.Validate();
  if (!CanStreamSentenceStats(co)) {
    throw Error(ErrorKind::kUsage, "sentence-level streaming reads every file twice, so the references and system "
                                   "output must be regular files (not pipes); load the corpus instead");
  }
  if (co.hyp_paths.size() > 1) throw Error(ErrorKind::kUsage, kOneSystem);
  if (options.threads < 1) throw Error(ErrorKind::kUsage, "threads must be >= 1");
  TextSegmentSource source(co, CheckFiles(co));
  return StreamSegments(metric, source, options.threads, options.batch_lines,
                        [&](uint64_t i, const int64_t* row, const std::string&) { emit(i, row); });
}

SentenceStreamResult StreamSegments(
    const Metric& metric, SegmentSource& source, int threads_option, size_t batch_lines,
    const std::function<void(uint64_t, const int64_t*, const std::string&)>& emit) {
  if (threads_option < 1) throw Error(ErrorKind::kUsage, "threads must be >= 1");
  const size_t width = metric.NumStats();
  SentenceStreamResult result;
  result.totals.assign(width, 0);

  const size_t threads = static_cast<size_t>(threads_option);
  const size_t batch = threads > 1 ? std::max<size_t>(batch_lines, threads) : 1;
  std::vector<std::unique_ptr<SegmentScorer>> scorers;
  for (size_t t = 0; t < threads; ++t) scorers.push_back(metric.NewScorer());

  // A batch of segments: references [segment][ref], hypotheses, stats rows.
  std::vector<std::vector<std::string>> batch_refs(batch);
  std::vector<std::string> batch_hyps(batch);
  std::vector<int64_t> rows(batch * width);

  auto score_range = [&](SegmentScorer& scorer, size_t begin, size_t end) {
    std::vector<std::string_view> views;
    for (size_t i = begin; i < end; ++i) {
      views.assign(batch_refs[i].begin(), batch_refs[i].end());
      scorer.SetReferences(views);
      scorer.ScoreHypothesis(batch_hyps[i], rows.data() + i * width);
    }
  };

  bool done = false;
  while (!done) {
    size_t n = 0;
    while (n < batch) {
      if (!source.Next(&batch_refs[n], &batch_hyps[n])) {
        done = true;
        break;
      }
      ++n;
    }
    if (n == 0) break;
    const size_t used = std::min(threads, std::max<size_t>(1, n / 64));
    if (used <= 1) {
      score_range(*scorers[0], 0, n);
    } else {
      std::vector<std::thread> workers;
      std::vector<std::exception_ptr> errors(used);
      for (size_t t = 0; t < used; ++t) {
        workers.emplace_back([&, t] {
          try {
            score_range(*scorers[t], n * t / used, n * (t + 1) / used);
          } catch (...) {
            errors[t] = std::current_exception();
          }
        });
      }
      for (auto& w : workers) w.join();
      for (auto& e : errors) {
        if (e) std::rethrow_exception(e);
      }
    }
    for (size_t i = 0; i < n; ++i) {
      const int64_t* row = rows.data() + i * width;
      for (size_t k = 0; k < width; ++k) result.totals[k] += row[k];
      emit(result.num_segments++, row, batch_hyps[i]);
    }
  }
  return result;
}

}  // namespace mteval
