// `faultline code`: documents in, coded events out as JSON Lines.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/date_options.h"
#include "cli/output_file.h"
#include "coding/coder.h"
#include "coding/parallel_for.h"
#include "io/documents.h"
#include "io/event_json.h"
#include "lexicon/tsv_file.h"

namespace faultline::cli {

void PackOptions::add_to(CLI::App& cmd) {
  cmd.add_option("--pack", extra, "Load another pack folder after the bundled ones (repeatable)")->allow_extra_args(false)
      ->check(CLI::ExistingDirectory);
  cmd.add_flag("--no-default-packs", no_default, "Do not load the bundled packs (core, geo, sahel)");
}

lexicon::Lexicon PackOptions::load() const {
  auto folders = dirs();
  if (!no_default && folders.size() == extra.size()) {
    const char* env = std::getenv("FAULTLINE_PACKS");
    throw lexicon::PackError(env && *env ? env : FAULTLINE_PACK_DIR, 0,
                             "no bundled packs found (set FAULTLINE_PACKS to the packs folder)");
  }
  return lexicon::Lexicon::load(folders);
}

namespace {

struct CodeOptions {
  PackOptions packs;
  std::string date;
  std::string out;
  std::vector<std::string> inputs;
  unsigned threads = 0;  // 0 = one per core
  bool quiet = false;
};

// Documents are read into batches; a batch is coded on every thread and its events written in
// input order, so the output is byte-identical whatever the number of threads.
constexpr std::size_t kBatchDocuments = 512;

class BatchWriter {
 public:
  BatchWriter(const coding::Coder& coder, unsigned threads, std::ostream& out)
      : coder_(coder), threads_(threads), out_(out) {}

  void add(coding::Document&& d) {
    batch_.push_back(std::move(d));
    if (batch_.size() == kBatchDocuments) flush();
  }

  void flush() {
    std::vector<std::string> lines(batch_.size());
    std::vector<std::size_t> counts(batch_.size());
    coding::parallel_for(batch_.size(), threads_, [&](std::size_t i) {
      for (const auto& e : coder_.code(batch_[i])) {
        lines[i] += io::event_to_json_line(e);
        lines[i] += '\n';
        ++counts[i];
      }
    });
    for (std::size_t i = 0; i < batch_.size(); ++i) {
      out_ << lines[i];
      events_ += counts[i];
    }
    documents_ += batch_.size();
    batch_.clear();
  }

  std::size_t documents() const { return documents_; }
  std::size_t events() const { return events_; }

 private:
  const coding::Coder& coder_;
  unsigned threads_;
  std::ostream& out_;
  std::vector<coding::Document> batch_;
  std::size_t documents_ = 0, events_ = 0;
};

int run_code(const CodeOptions& o) {
  auto lex = o.packs.load();
  coding::Coder coder(lex);
  OutputFile output;
  if (!output.open(o.out)) return 2;
  BatchWriter writer(coder, o.threads ? o.threads : coding::default_threads(), output.stream());
  std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  io::ReadOptions ro{o.date};
  std::size_t skipped = 0;
  auto start = std::chrono::steady_clock::now();
  for (const auto& path : inputs) {
    std::vector<io::InputIssue> issues;
    io::read_documents(path, ro, [&](coding::Document&& d) { writer.add(std::move(d)); }, issues);
    writer.flush();  // a file's events are out before its messages
    for (const auto& i : issues) {
      skipped += i.skipped;
      std::cerr << i.text() << "\n";
    }
  }
  if (!output.commit()) return 2;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.quiet)
    std::cerr << "faultline: coded " << writer.documents() << " document(s), " << writer.events() << " event(s) in "
              << secs << " s" << (skipped ? ", " + std::to_string(skipped) + " input problem(s) skipped" : "") << "\n";
  return skipped ? 1 : 0;
}

}  // namespace

void add_code_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<CodeOptions>();
  auto* cmd = app.add_subcommand("code", "Code documents into events (JSON Lines on standard output or --out)");
  cmd->footer(
      "INPUT: JSON Lines documents {\"id\", \"text\", \"date\"?, \"title\"?, \"lang\"?, \"source\"?, \"url\"?}\n"
      "(by extension .jsonl/.ndjson/.json or a leading '{'), saved web pages (.html/.htm or a\n"
      "leading <!DOCTYPE html>/<html>: the article's text, title and publication date are\n"
      "extracted), or plain text files (id = file name without extension, date from --date).\n"
      "'-' or nothing reads standard input. English and French are coded; a document's language\n"
      "is its \"lang\" field or, without one, detected from its text.\n"
      "Output: one JSON object per event (see README, 'Output contract').\n"
      "Exit status: 0 all input coded; 1 some input was skipped (see messages); 2 usage or pack error.");
  opts->packs.add_to(*cmd);
  cmd->add_option("--date", opts->date, "Publication date of plain-text and HTML input without one (YYYY-MM-DD)")
      ->check(day_date());
  cmd->add_option("--out,-o", opts->out, "Write events to FILE instead of standard output");
  cmd->add_option("--threads,-j", opts->threads, "Coding threads (default 0: one per core); the output is the same for any number")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--quiet,-q", opts->quiet, "No summary line on standard error");
  cmd->add_option("INPUT", opts->inputs, "Input files ('-' = standard input)");
  cmd->callback([opts, &action] { action = [opts] { return run_code(*opts); }; });
}

}  // namespace faultline::cli
