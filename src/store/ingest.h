// Ingest: documents in, coded and written to the store in batches, then the events of every
// block that changed recomputed and the graph rebuilt. Each step is a transaction of its own, so
// a run killed at any point leaves a consistent store and the next run finishes the job: stored
// documents are skipped by content hash, dirty blocks and a stale graph are picked up again.
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/pack_facts.h"
#include "io/documents.h"
#include "lexicon/lexicon.h"
#include "store/dedup.h"
#include "store/store.h"

namespace faultline::store {

struct IngestOptions {
  std::size_t batch_size = 200;  // documents per transaction
  unsigned jobs = 0;             // coding threads; 0 = one per core
  bool recode = false;           // code stored documents again even when unchanged
  io::ReadOptions read;
};

struct IngestProgress {
  std::string phase;  // "coding", "deduplicating", "graph"
  std::size_t done = 0;
  std::size_t total = 0;  // 0 = unknown
};

struct IngestResult {
  WriteStats writes;
  std::size_t read = 0;            // documents read from the inputs
  std::size_t input_problems = 0;  // documents or lines skipped as unreadable
  std::size_t blocks = 0;          // blocks whose events were recomputed
  bool graph_rebuilt = false;
  Counts after;
  // Where the time went (seconds of wall clock; coding overlaps writing).
  double coding_seconds = 0;
  double writing_seconds = 0;
  double dedup_seconds = 0;
  double graph_seconds = 0;
};

class Ingester {
 public:
  Ingester(Store& store, const lexicon::Lexicon& lex, const graph::PackFacts& facts, IngestOptions options);
  void on_progress(std::function<void(const IngestProgress&)> fn) { progress_ = std::move(fn); }
  void on_issue(std::function<void(const io::InputIssue&)> fn) { issue_ = std::move(fn); }
  // `total` is the number of documents expected (for progress only; 0 = unknown). With no
  // inputs, only finishes the work an interrupted run left.
  IngestResult run(const std::vector<std::string>& inputs, std::size_t total);
  // Codes every stored document again (from the text the store keeps) with this ingester's packs;
  // a document whose reports come out different gets the new ones (the others are left alone:
  // counted unchanged), then events and the graph are brought up to date as after an ingest.
  IngestResult recode();

 private:
  // Recomputes dirty blocks and rebuilds a stale graph.
  void finish(IngestResult& result);
  // Fills the reports of every document of the batch.
  void code_batch(std::vector<DocumentInput>& batch) const;
  // Starts coding `pending` (emptied) and writes the batch coded before it.
  void submit(std::vector<DocumentInput>& pending, IngestResult& result);
  // Writes the batch being coded, if any.
  void drain(IngestResult& result);
  void report(const std::string& phase, std::size_t done, std::size_t total) const;

  Store& store_;
  const lexicon::Lexicon& lex_;
  const graph::PackFacts& facts_;
  IngestOptions options_;
  DedupRules dedup_rules_;
  std::unordered_map<std::string, std::string> actor_by_name_;  // for persons' affiliations
  std::function<void(const IngestProgress&)> progress_;
  std::function<void(const io::InputIssue&)> issue_;
  std::future<std::pair<std::vector<DocumentInput>, double>> coding_;  // the batch being coded
  std::size_t done_ = 0;
  std::size_t total_ = 0;
};

// How many documents the inputs hold (JSON Lines: non-empty lines; text: one a file; standard
// input: unknown, 0). A quick pass for the progress line.
std::size_t count_documents(const std::vector<std::string>& inputs);

}  // namespace faultline::store
