// `faultline graph`: the actor graph of a date or period — ally, enemy and mixed relations from
// events, member edges from memberships.
#include <algorithm>
#include <cmath>
#include <iostream>

#include "cli/commands.h"
#include "cli/date_options.h"
#include "cli/store_options.h"
#include "extract/dates.h"
#include "graph/relation_weights.h"

namespace faultline::cli {
namespace {

using json = nlohmann::ordered_json;

struct GraphOptions {
  DbOption db;
  FormatOption format;
  std::string at, from, to;
  std::string actor;
  int min_events = 1;
};

int run_graph(const GraphOptions& o) {
  auto s = o.db.open();
  const graph::Window w = graph::query_window(o.at, o.from, o.to);
  std::vector<std::string> focus;
  if (!o.actor.empty()) {
    focus = actor_ids_with_members(*s, o.actor, w);
    if (focus.empty()) {
      std::cerr << "faultline: no actor is named '" << o.actor << "'\n";
      return 1;
    }
  }
  ActorNames names(*s);
  exporting::RowWriter out(std::cout, o.format.format(),
                           {{"SOURCE", "source", 20},
                            {"TARGET", "target", 20},
                            {"KIND", "kind", 6},
                            {"WEIGHT", "weight", 7},
                            {"SCORE", "score", 6},
                            {"EVENTS", "events", 6},
                            {"FROM", "from", 10},
                            {"TO", "to", 10},
                            {"NAMES", "names", 80}});
  auto in_focus = [&](const std::string& id) {
    return focus.empty() || std::binary_search(focus.begin(), focus.end(), id);
  };
  for (const auto& m : s->memberships()) {
    if (!graph::holds_during(m.from, m.to, w) || (!in_focus(m.member) && !in_focus(m.group))) continue;
    json j;
    j["source"] = m.member;
    j["target"] = m.group;
    j["kind"] = "member";
    j["weight"] = 1;
    j["score"] = nullptr;
    j["events"] = m.evidence.size();
    j["from"] = m.from.known() ? json(extract::format_date(m.from)) : json();
    j["to"] = m.to.known() ? json(extract::format_date(m.to)) : json();
    j["names"] = names(m.member) + " → " + names(m.group);
    out.add(j);
  }
  auto relations = s->relations(w, focus);
  std::stable_sort(relations.begin(), relations.end(), [](const auto& x, const auto& y) {
    return x.cooperative + x.conflictual > y.cooperative + y.conflictual;
  });
  for (const auto& r : relations) {
    if (r.cooperative_events + r.conflictual_events < o.min_events) continue;
    json j;
    j["source"] = r.a;
    j["target"] = r.b;
    j["kind"] = graph::relation_kind(r.a, r.b, r.cooperative, r.conflictual, r.cooperative_events + r.conflictual_events);
    j["weight"] = r.cooperative + r.conflictual;
    j["score"] = std::round(graph::relation_score(r.cooperative, r.conflictual) * 100) / 100;
    j["cooperative"] = r.cooperative;
    j["conflictual"] = r.conflictual;
    j["events"] = r.cooperative_events + r.conflictual_events;
    j["from"] = nullptr;
    j["to"] = nullptr;
    j["names"] = names(r.a) + " – " + names(r.b);
    out.add(j);
  }
  out.finish();
  return 0;
}

}  // namespace

void add_graph_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<GraphOptions>();
  auto* cmd = app.add_subcommand("graph", "Actor graph of a date or period: ally, enemy, mixed and member edges");
  cmd->footer(
      "--at DATE takes the date's month (YYYY-MM or YYYY-MM-DD) or year (YYYY); --from/--to a period;\n"
      "neither: all time. Member edges are the memberships holding then; relation edges sum the\n"
      "weights of cooperative and conflictual events between the two actors (docs/store.md).");
  opts->db.add_to(*cmd);
  opts->format.add_to(*cmd);
  cmd->add_option("--at", opts->at, "At this date")->check(partial_date());
  cmd->add_option("--from", opts->from, "Period start")->check(partial_date());
  cmd->add_option("--to", opts->to, "Period end")->check(partial_date());
  cmd->add_option("--actor", opts->actor, "Only edges of this actor (its members included)");
  cmd->add_option("--min-events", opts->min_events, "Only relations with at least this many events (default 1)");
  cmd->callback([opts, &action] { action = [opts] { return run_graph(*opts); }; });
}

}  // namespace faultline::cli
