// `faultline eval`: code documents and score the events against a gold file.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "coding/coder.h"
#include "eval/scorer.h"
#include "io/documents.h"
#include "io/event_json.h"

namespace faultline::cli {
namespace {

struct EvalOptions {
  PackOptions packs;
  std::string gold;
  std::string actors;
  std::string pred;  // score these predictions instead of coding DOCS
  std::vector<std::string> inputs;
  bool show_misses = false;
  bool json = false;
};

int run_eval(const EvalOptions& o) {
  std::ifstream gin(o.gold);
  if (!gin) {
    std::cerr << "faultline: cannot open gold file " << o.gold << "\n";
    return 2;
  }
  std::vector<nlohmann::json> gold;
  std::string line;
  for (std::size_t n = 1; std::getline(gin, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      auto j = nlohmann::json::parse(line);
      if (!j.is_object() || !j.contains("doc") || !j.contains("quote")) throw std::runtime_error("needs \"doc\" and \"quote\"");
      gold.push_back(std::move(j));
    } catch (const std::exception& e) {
      std::cerr << o.gold << ":" << n << ": error: bad gold line (" << e.what() << ")\n";
      return 2;
    }
  }
  if (o.pred.empty() == o.inputs.empty()) {
    std::cerr << "faultline: eval needs either DOCS to code or --pred FILE, not both\n";
    return 2;
  }
  auto lex = o.packs.load();
  auto groups = o.actors.empty() ? eval::alias_groups_from(lex) : eval::load_alias_groups(o.actors);
  std::vector<nlohmann::json> preds;
  std::size_t unparseable = 0;
  int status = 0;
  if (!o.pred.empty()) {
    // As score.py: a line that is not a JSON object counts as unparseable, and is not judged.
    std::ifstream pin(o.pred);
    if (!pin) {
      std::cerr << "faultline: cannot open predictions file " << o.pred << "\n";
      return 2;
    }
    while (std::getline(pin, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        ++unparseable;
        continue;
      }
      preds.push_back(std::move(j));
    }
  }
  coding::Coder coder(lex);
  for (const auto& path : o.inputs) {
    std::vector<io::InputIssue> issues;
    io::read_documents(path, {}, [&](coding::Document&& d) {
      for (const auto& e : coder.code(d)) preds.push_back(nlohmann::json::parse(io::event_to_json_line(e)));
    }, issues);
    for (const auto& i : issues) {
      std::cerr << i.text() << "\n";
      if (i.skipped) status = 1;
    }
  }
  auto report = eval::score(gold, preds, unparseable, groups);
  if (o.json) {
    nlohmann::ordered_json j;
    j["gold_events"] = report.gold_events;
    j["judged_predictions"] = report.judged_predictions;
    j["unparseable_lines"] = report.unparseable_lines;
    auto tri = [](const eval::Prf& p) { return nlohmann::json::array({p.precision, p.recall, p.f1}); };
    j["detect_prf"] = tri(report.detect);
    j["typed_prf"] = tri(report.typed);
    j["full_prf"] = tri(report.full);
    j["field_accuracy_on_typed_matches"] = report.field_accuracy;
    std::cout << j.dump() << "\n";
  } else {
    std::cout << eval::format_report(report);
  }
  if (o.show_misses) {
    for (const auto& m : report.misses) std::cerr << "MISS " << m << "\n";
    for (const auto& x : report.extras) std::cerr << "EXTRA " << x << "\n";
  }
  return status;
}

}  // namespace

void add_eval_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand("eval", "Code documents and score them against gold events (figures as ../shared/eval/score.py)");
  opts->packs.add_to(*cmd);
  cmd->add_option("--gold", opts->gold, "Gold events, JSON Lines (score.py's gold format)")->required();
  cmd->add_option("--actors", opts->actors,
                  "Actor alias groups (id<TAB>family<TAB>aliases); default: the packs' actors");
  cmd->add_flag("--show-misses", opts->show_misses, "List missed gold events and unmatched predictions on stderr");
  cmd->add_flag("--json", opts->json, "Print the figures as one JSON object");
  cmd->add_option("--pred", opts->pred, "Score this file of coded events (JSON Lines) instead of coding DOCS");
  cmd->add_option("DOCS", opts->inputs, "Documents to code (JSON Lines or text)");
  cmd->callback([opts, &action] { action = [opts] { return run_eval(*opts); }; });
}

}  // namespace faultline::cli
