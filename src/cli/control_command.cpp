// `faultline control PLACE`: who held a place, interval by interval, or at one date.
#include <iostream>

#include "cli/commands.h"
#include "cli/date_options.h"
#include "cli/store_options.h"
#include "extract/dates.h"
#include "serve/support_json.h"
#include "store/fact_support.h"
#include "text/fold.h"

namespace faultline::cli {
namespace {

using json = nlohmann::ordered_json;

struct ControlOptions {
  DbOption db;
  FormatOption format;
  std::string place;
  std::string at;
};

int start_key(const graph::ControlInterval& iv) { return iv.from.known() ? iv.from.first_key() : 0; }

// Whether the interval covers the day range of `w` at its start (an interval that ends on a
// date includes that date; the next one, starting on it, takes over).
bool covers(const graph::ControlInterval& iv, const graph::Window& w) {
  int end = iv.to_open || !iv.to.known() ? 99991231 : iv.to.last_key();
  return start_key(iv) <= w.first && w.first <= end;
}

json row(const graph::ControlInterval& iv, ActorNames& names, store::Store& s) {
  json j;
  j["place"] = iv.place;
  j["from"] = iv.from.known() ? json(extract::format_date(iv.from)) : json();
  j["to"] = iv.to_open || !iv.to.known() ? json() : json(extract::format_date(iv.to));
  j["holders"] = iv.holders;
  j["holder_names"] = json::array();
  for (const auto& h : iv.holders) j["holder_names"].push_back(names(h));
  j["source"] = iv.source;
  j["status"] = iv.status;
  j["note"] = iv.note.empty() ? json() : json(iv.note);
  std::vector<std::string> ids;
  for (const auto& e : iv.evidence) ids.push_back(e.event);
  j["support"] = serve::support_json(iv.status, store::read_support(s, ids));
  j["evidence"] = json::array();
  for (std::size_t i = 0; i < iv.evidence.size() && i < store::kMaxEvidenceIds; ++i)
    j["evidence"].push_back({{"event", iv.evidence[i].event}, {"change", iv.evidence[i].change}});
  return j;
}

int run_control(const ControlOptions& o) {
  auto s = o.db.open();
  auto intervals = s->control(text::fold(o.place));
  // A variant or French name (Tombouctou): the place the coder would read it as.
  for (const auto& name : gazetteer_names(o.place)) {
    if (!intervals.empty()) break;
    intervals = s->control(text::fold(name));
  }
  if (intervals.empty()) {
    std::cerr << "faultline: nothing is known about control of '" << o.place << "'\n";
    return 1;
  }
  ActorNames names(*s);
  exporting::RowWriter out(std::cout, o.format.format(),
                           {{"PLACE", "place", 16},
                            {"FROM", "from", 10},
                            {"TO", "to", 10},
                            {"HELD BY", "holders", 30,
                             [](const json& r) {
                               return r["holders"].empty() ? std::string("unknown")
                                                           : exporting::cell_text(r["holders"]);
                             }},
                            {"SOURCE", "source", 6},
                            {"STATUS", "status", 9},
                            {"EVIDENCE", "evidence", 8,
                             [](const json& r) { return std::to_string(r["support"]["events"].get<std::size_t>()); }},
                            {"NOTE", "note", 70}});
  if (o.at.empty()) {
    for (const auto& iv : intervals) out.add(row(iv, names, *s));
  } else {
    graph::Window w = graph::window_of(graph::parse_date_arg(o.at, "--at"));
    // The held interval that started last before the date wins where two touch.
    const graph::ControlInterval* best = nullptr;
    for (const auto& iv : intervals)
      if (iv.status != "contested" && covers(iv, w) && (!best || start_key(iv) >= start_key(*best))) best = &iv;
    if (!best) {
      std::cerr << "faultline: no known holder of " << intervals.front().place << " on " << o.at << "\n";
      out.finish();
      return 1;
    }
    out.add(row(*best, names, *s));
  }
  out.finish();
  return 0;
}

}  // namespace

void add_control_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ControlOptions>();
  auto* cmd = app.add_subcommand("control", "Who held a place: its control timeline, or its holder at a date");
  cmd->footer(
      "Intervals come from the packs' control.tsv (source pack) and from events that capture, retake,\n"
      "withdraw from or hand over the place (source text); a text claim that contradicts the pack\n"
      "is listed as contested. A text interval stated by one report is claimed, by two held; it ends\n"
      "12 months after its last report. An interval without TO still holds. See docs/store.md.");
  opts->db.add_to(*cmd);
  opts->format.add_to(*cmd);
  cmd->add_option("PLACE", opts->place, "Place name (accents and case ignored; variants such as Tombouctou resolve)")->required();
  cmd->add_option("--at", opts->at, "Only the holder at this date (YYYY-MM-DD, YYYY-MM or YYYY)")->check(partial_date());
  cmd->callback([opts, &action] { action = [opts] { return run_control(*opts); }; });
}

}  // namespace faultline::cli
