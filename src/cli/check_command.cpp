// `faultline check`: audits a store for what an analyst should not take on trust — events whose
// actors did not exist on their date (anachronisms, kept out of the graph), places whose reports
// disagree on who holds them (contested control), and institutions of one state coded as each
// other's enemies (relations the graph calls uncertain) — each with its evidence.
#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "extract/dates.h"
#include "graph/anachronisms.h"
#include "graph/pack_facts.h"
#include "graph/relation_weights.h"

namespace faultline::cli {
namespace {

using json = nlohmann::ordered_json;

struct CheckOptions {
  PackOptions packs;
  DbOption db;
  FormatOption format;
};

std::string span(const graph::PartialDate& from, const graph::PartialDate& to) {
  return (from.known() ? extract::format_date(from) : std::string("?")) + " … " +
         (to.known() ? extract::format_date(to) : std::string(""));
}

int run_check(const CheckOptions& o) {
  auto lex = o.packs.load();
  auto facts = graph::load_pack_facts(lex, o.packs.dirs());
  auto s = o.db.open();
  exporting::RowWriter out(std::cout, o.format.format(),
                           {{"KIND", "kind", 12},
                            {"DATE", "date", 10},
                            {"SUBJECT", "subject", 20},
                            {"DETAIL", "detail", 60},
                            {"EVENTS", "events", 20},
                            {"EVIDENCE", "evidence", 80}});
  std::size_t found = 0;
  auto add = [&](json row) {
    out.add(row);
    ++found;
  };

  graph::ValidityCheck validity(facts.validity);
  s->events(store::EventQuery{}, [&](const store::EventView& v) {
    for (const auto& a : validity.anachronisms(v.event)) {
      json j;
      j["kind"] = "anachronism";
      j["date"] = extract::format_date(v.event.data.date);
      j["subject"] = a.actor;
      j["detail"] = v.event.data.type + " dated outside " + a.actor + "'s existence (" +
                    span(a.validity->from, a.validity->to) + ": " + a.validity->note + ")";
      j["events"] = json::array({v.event.id});
      j["evidence"] = v.doc + "#" + std::to_string(v.sentence) + ": " + v.evidence;
      add(j);
    }
  });

  for (const auto& iv : s->control("")) {
    if (iv.status != "contested") continue;
    json j;
    j["kind"] = "contested";
    j["date"] = extract::format_date(iv.from);
    j["subject"] = iv.place;
    std::string holders;
    for (const auto& h : iv.holders) holders += (holders.empty() ? "" : ", ") + h;
    j["detail"] = "held by " + (holders.empty() ? std::string("unknown") : holders) + "? " + iv.note;
    j["events"] = json::array();
    for (const auto& e : iv.evidence) j["events"].push_back(e.event);
    j["evidence"] = nullptr;
    add(j);
  }

  for (const auto& r : s->relations(graph::Window{}, {})) {
    int events = r.cooperative_events + r.conflictual_events;
    if (!graph::same_state(r.a, r.b) || graph::relation_score(r.cooperative, r.conflictual) > -graph::kAllyThreshold)
      continue;
    json j;
    j["kind"] = "same-state";
    j["date"] = nullptr;
    j["subject"] = r.a + " / " + r.b;
    j["detail"] = "one state's institutions in conflict over " + std::to_string(events) +
                  " event(s): shown as uncertain unless a coup or mutiny explains it";
    j["events"] = json::array();
    j["evidence"] = nullptr;
    add(j);
  }
  out.finish();
  std::cerr << "faultline: " << found << " finding(s)\n";
  return 0;
}

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Audit a store: anachronisms, contested control, one state against itself");
  cmd->footer(
      "anachronism: an event whose actor did not exist on its date (the packs' validity.tsv; kept out of\n"
      "the graph); contested: reports that disagree on who holds a place; same-state: a state's\n"
      "institutions coded as enemies (the graph calls them uncertain). Exit status 0; the number of\n"
      "findings on standard error. See docs/store.md.");
  opts->packs.add_to(*cmd);
  opts->db.add_to(*cmd);
  opts->format.add_to(*cmd);
  cmd->callback([opts, &action] { action = [opts] { return run_check(*opts); }; });
}

}  // namespace faultline::cli
