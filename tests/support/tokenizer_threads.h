#pragma once
// Runs one tokenizer from several threads at once over `lines` (each thread in
// its own order, several rounds) and counts outputs that differ from `want`.

#include <string>
#include <thread>
#include <vector>

#include "tokenize/tokenizer.h"

namespace mteval::testing {

inline size_t ConcurrentMismatches(const Tokenizer& tok, const std::vector<std::string>& lines,
                                   const std::vector<std::string>& want, size_t threads = 4, size_t rounds = 3) {
  std::vector<size_t> bad(threads, 0);
  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::string out;
      for (size_t r = 0; r < rounds; ++r) {
        for (size_t i = 0; i < lines.size(); ++i) {
          size_t k = (i * 11 + t * 101 + r) % lines.size();
          tok.Tokenize(lines[k], &out);
          bad[t] += out != want[k];
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  size_t total = 0;
  for (size_t b : bad) total += b;
  return total;
}

}  // namespace mteval::testing
