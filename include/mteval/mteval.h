#pragma once
// Every public header of the mteval library, for programs that would rather
// include one:
//
//   #include <mteval/mteval.h>
//
//   mteval::Bleu bleu;
//   mteval::MetricScore s = bleu.CorpusScore({"The cat sat."}, {{"The cat sat."}});
//
// docs/library.md is the tour of the API.

#include <mteval/align.h>
#include <mteval/bleu.h>
#include <mteval/chrf.h>
#include <mteval/compare.h>
#include <mteval/corpus.h>
#include <mteval/error.h>
#include <mteval/metric.h>
#include <mteval/metrics.h>
#include <mteval/report.h>
#include <mteval/report_data.h>
#include <mteval/scoring.h>
#include <mteval/significance.h>
#include <mteval/stats.h>
#include <mteval/ter.h>
#include <mteval/terminology.h>
#include <mteval/terms_metric.h>
#include <mteval/version.h>
