#include "store/ingest.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>

#include "coding/coder.h"
#include "coding/parallel_for.h"
#include "graph/builder.h"
#include "store/columns.h"
#include "store/content_hash.h"
#include "store/dedup.h"

namespace faultline::store {
namespace {

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

Ingester::Ingester(Store& store, const lexicon::Lexicon& lex, const graph::PackFacts& facts, IngestOptions options)
    : store_(store), lex_(lex), facts_(facts), options_(std::move(options)) {
  if (options_.batch_size == 0) options_.batch_size = 1;
  if (options_.jobs == 0) options_.jobs = coding::default_threads();
  for (const auto& a : lex.actors()) actor_by_name_.try_emplace(a.name, a.id);
  dedup_rules_ = dedup_rules(lex);
}

void Ingester::report(const std::string& phase, std::size_t done, std::size_t total) const {
  if (progress_) progress_(IngestProgress{phase, done, total});
}

void Ingester::code_batch(std::vector<DocumentInput>& batch) const {
  // Documents are independent: code them on several threads, each filling its own documents'
  // reports, so the batch keeps its input order.
  coding::Coder coder(lex_);
  coding::parallel_for(batch.size(), options_.jobs, [&](std::size_t i) {
    DocumentInput& in = batch[i];
    auto events = coder.code(in.doc);
    in.reports.reserve(events.size());
    const auto published = lexicon::parse_partial_date(in.doc.date).value_or(lexicon::PartialDate{});
    for (std::size_t k = 0; k < events.size(); ++k) {
      Report r = report_from_coded(events[k], static_cast<uint32_t>(k));
      r.published = published;
      for (auto* side : {&r.data.actor1, &r.data.actor2})
        for (auto& a : *side)
          if (!a.affiliation.empty())
            if (auto it = actor_by_name_.find(a.affiliation); it != actor_by_name_.end()) a.affiliation_id = it->second;
      in.reports.push_back(std::move(r));
    }
  });
}

void Ingester::submit(std::vector<DocumentInput>& pending, IngestResult& result) {
  if (pending.empty()) return;
  // The next batch is coded while the previous one is written: coding runs on its threads,
  // writing on this one.
  auto next = std::async(std::launch::async, [this, batch = std::move(pending)]() mutable {
    auto start = std::chrono::steady_clock::now();
    code_batch(batch);
    return std::make_pair(std::move(batch), since(start));
  });
  pending.clear();
  drain(result);
  coding_ = std::move(next);
}

void Ingester::drain(IngestResult& result) {
  if (!coding_.valid()) return;
  auto [batch, coding_seconds] = coding_.get();
  result.coding_seconds += coding_seconds;
  auto start = std::chrono::steady_clock::now();
  WriteStats w = store_.write_documents(batch);
  result.writing_seconds += since(start);
  result.writes.added += w.added;
  result.writes.changed += w.changed;
  result.writes.unchanged += w.unchanged;
  result.writes.reports += w.reports;
  done_ += batch.size();
  report("coding", done_, total_);
}

IngestResult Ingester::run(const std::vector<std::string>& inputs, std::size_t total) {
  IngestResult result;
  total_ = total;
  done_ = 0;
  store_.sync_pack(facts_);
  std::vector<DocumentInput> pending;
  for (const auto& path : inputs) {
    std::vector<io::InputIssue> issues;
    io::read_documents(path, options_.read, [&](coding::Document&& d) {
      ++result.read;
      std::string hash = document_hash(d);
      if (!options_.recode) {
        // Unchanged documents are skipped before coding: a re-run costs a lookup per document.
        auto stored = store_.document_hash(d.id);
        if (stored && *stored == hash) {
          ++result.writes.unchanged;
          ++done_;
          if (done_ % options_.batch_size == 0) report("coding", done_, total_);
          return;
        }
      }
      pending.push_back(DocumentInput{std::move(d), std::move(hash), {}, options_.recode});
      if (pending.size() >= options_.batch_size) submit(pending, result);
    }, issues);
    for (const auto& i : issues) {
      result.input_problems += i.skipped;
      if (issue_) issue_(i);
    }
  }
  submit(pending, result);
  drain(result);
  finish(result);
  return result;
}

IngestResult Ingester::recode() {
  IngestResult result;
  store_.sync_pack(facts_);
  const std::vector<std::string> ids = store_.document_ids();
  total_ = ids.size();
  done_ = 0;
  for (std::size_t first = 0; first < ids.size(); first += options_.batch_size) {
    std::vector<DocumentInput> batch;
    for (std::size_t k = first; k < ids.size() && k < first + options_.batch_size; ++k) {
      auto view = store_.document(ids[k]);
      if (!view) continue;  // removed since the ids were read
      coding::Document d{view->id, std::move(view->text), view->date, view->title, view->lang, view->source, view->url};
      // The stored hash stays: it is the source's, which a later ingest of the same source compares.
      std::string hash = store_.document_hash(d.id).value_or("");
      batch.push_back(DocumentInput{std::move(d), std::move(hash), {}, true});
    }
    result.read += batch.size();
    auto start = std::chrono::steady_clock::now();
    code_batch(batch);
    result.coding_seconds += since(start);
    std::vector<DocumentInput> changed;
    for (auto& in : batch) {
      const std::vector<Report> stored = store_.document_reports(in.doc.id);
      const bool same = stored.size() == in.reports.size() &&
                        std::equal(stored.begin(), stored.end(), in.reports.begin(), stored_alike);
      if (same)
        ++result.writes.unchanged;
      else
        changed.push_back(std::move(in));
    }
    start = std::chrono::steady_clock::now();
    const WriteStats w = store_.write_documents(changed);
    result.writing_seconds += since(start);
    result.writes.changed += w.changed;
    result.writes.reports += w.reports;
    done_ += batch.size();
    report("coding", done_, total_);
  }
  finish(result);
  return result;
}

void Ingester::finish(IngestResult& result) {
  auto start = std::chrono::steady_clock::now();
  result.blocks += store_.recompute_dirty_blocks(
      [this](std::vector<Report> reports) { return deduplicate(std::move(reports), dedup_rules_); },
      [this](std::size_t done, std::size_t total) { report("deduplicating", done, total); });
  result.dedup_seconds += since(start);
  start = std::chrono::steady_clock::now();
  if (store_.has_pending_work()) {  // the blocks are done: a stale graph is what is left
    report("graph", 0, 0);
    store_.rebuild_graph([this](const Store::EventScan& scan) {
      graph::GraphBuilder builder(facts_);
      scan([&](const Event& e) { builder.add(e); });
      return builder.finish();
    });
    result.graph_rebuilt = true;
  }
  result.graph_seconds += since(start);
  result.after = store_.counts();
}

std::size_t count_documents(const std::vector<std::string>& inputs) {
  std::size_t n = 0;
  for (const auto& path : inputs) {
    if (path == "-") return 0;
    auto ext = std::filesystem::path(path).extension().string();
    if (ext != ".jsonl" && ext != ".ndjson" && ext != ".json") {
      ++n;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line))
      if (line.find_first_not_of(" \t\r") != std::string::npos) ++n;
  }
  return n;
}

}  // namespace faultline::store
