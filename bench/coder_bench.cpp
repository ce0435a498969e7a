// Micro-benchmarks of the coder's stages on a paragraph written for the benchmark:
//   build/faultline_bench [--benchmark_filter=...]
// Whole-corpus throughput (sentences/s per core) is bench/throughput.sh.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "coding/coder.h"
#include "lexicon/lexicon.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

using namespace faultline;

namespace {

const char* kEnglish =
    "On Tuesday, Malian soldiers backed by Wagner mercenaries attacked CMA positions near Anefis, killing 14 "
    "fighters, the army said. The Coordination of Azawad Movements accused the junta of targeting civilians "
    "in Kidal. Later that month, ECOWAS imposed sanctions on Mali and its ambassador was recalled. Protesters "
    "marched in Bamako against the French presence, and the government denied that its troops had fired on "
    "the crowd.";

const char* kFrench =
    "Mardi, les soldats maliens appuyés par des mercenaires de Wagner ont attaqué des positions de la CMA "
    "près d'Anefis, tuant quatorze combattants. La CMA a accusé la junte de cibler les civils à Kidal.";

const lexicon::Lexicon& packs() {
  static const lexicon::Lexicon lex = [] {
    std::string root = FAULTLINE_PACK_DIR;
    return lexicon::Lexicon::load({root + "/core", root + "/geo", root + "/sahel"});
  }();
  return lex;
}

void BM_Tokenize(benchmark::State& state) {
  std::string text = kEnglish;
  for (auto _ : state) benchmark::DoNotOptimize(text::tokenize(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenize);

void BM_SplitSentences(benchmark::State& state) {
  std::string text = kEnglish;
  auto tokens = text::tokenize(text);
  for (auto _ : state) benchmark::DoNotOptimize(text::split_sentences(text, tokens));
}
BENCHMARK(BM_SplitSentences);

void code_paragraph(benchmark::State& state, const char* text, const char* lang) {
  const auto& lex = packs();
  coding::Coder coder(lex);
  coding::Document doc;
  doc.id = "bench";
  doc.date = "2023-11-16";
  doc.text = text;
  doc.lang = lang;
  auto tokens = text::tokenize(doc.text);
  auto sentences = text::split_sentences(doc.text, tokens).size();
  for (auto _ : state) benchmark::DoNotOptimize(coder.code(doc));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_CodeEnglish(benchmark::State& state) { code_paragraph(state, kEnglish, "en"); }
BENCHMARK(BM_CodeEnglish);

void BM_CodeFrench(benchmark::State& state) { code_paragraph(state, kFrench, "fr"); }
BENCHMARK(BM_CodeFrench);

}  // namespace

BENCHMARK_MAIN();
