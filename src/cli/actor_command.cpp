// `faultline actor NAME`: an actor's profile from the store — aliases, kind, memberships, members,
// leaders, and allies and enemies with their evidence, at a date or over a period.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/date_options.h"
#include "cli/store_options.h"
#include "extract/dates.h"
#include "graph/memberships.h"
#include "graph/relation_weights.h"
#include "io/json_null.h"
#include "serve/support_json.h"
#include "store/actor_profile.h"
#include "store/fact_support.h"

namespace faultline::cli {
namespace {

using io::nullable;

using json = nlohmann::ordered_json;

struct ActorOptions {
  DbOption db;
  FormatOption format;
  std::string name;
  std::string at, from, to;
};

json fact_row(const std::string& fact, const std::string& actor, const std::string& name) {
  json j;
  j["fact"] = fact;
  j["actor"] = nullable(actor);
  j["name"] = nullable(name);
  return j;
}

void dated(json& j, const graph::PartialDate& from, const graph::PartialDate& to) {
  j["from"] = nullable(extract::format_date(from));
  j["to"] = nullable(extract::format_date(to));
}

// A relation as a row: ally, enemy or mixed, with the balance of its weights in words and the
// events behind it.
json relation_row(const store::ProfileRelation& rel, ActorNames& names, const graph::RelationEvidence& evidence) {
  const auto& r = rel.total;
  json j = fact_row(graph::relation_kind(r.a, r.b, r.cooperative, r.conflictual, rel.events()), rel.other, names(rel.other));
  double score = graph::relation_score(r.cooperative, r.conflictual);
  char detail[160];
  std::snprintf(detail, sizeof detail, "score %+.2f: cooperative %.0f (%d event%s), conflictual %.0f (%d event%s)",
                score, r.cooperative, r.cooperative_events, r.cooperative_events == 1 ? "" : "s", r.conflictual,
                r.conflictual_events, r.conflictual_events == 1 ? "" : "s");
  std::string via;
  for (const auto& v : rel.via) via += (via.empty() ? "" : ", ") + v;
  j["detail"] = std::string(detail) + (via.empty() ? "" : "; through " + via);
  j["score"] = std::round(score * 100) / 100;
  j["cooperative"] = r.cooperative;
  j["conflictual"] = r.conflictual;
  j["evidence"] = rel.events();
  j["via"] = rel.via;
  const graph::FactSupport* found = evidence.of(rel.other);
  const graph::FactSupport support = found ? *found : graph::FactSupport{};
  j["support"] = serve::support_json("text", support);
  j["events"] = serve::evidence_ids(support);
  return j;
}

int run_actor(const ActorOptions& o) {
  auto s = o.db.open();
  const graph::Window w = graph::query_window(o.at, o.from, o.to);
  auto matches = s->find_actors(o.name);
  if (matches.empty()) {
    std::cerr << "faultline: no actor is named '" << o.name << "'\n";
    return 1;
  }
  const auto memberships = s->memberships();
  const auto roles = s->roles();
  ActorNames names(*s);
  exporting::RowWriter out(std::cout, o.format.format(),
                           {{"FACT", "fact", 10},
                            {"ACTOR", "actor", 24},
                            {"NAME", "name", 40},
                            {"FROM", "from", 10},
                            {"TO", "to", 10},
                            {"EVIDENCE", "evidence", 8},
                            {"DETAIL", "detail", 90}});
  for (const auto& a : matches) {
    json head = fact_row("actor", a.id, a.name);
    head["kind"] = nullable(a.kind);
    head["country"] = nullable(a.country);
    head["sector"] = nullable(a.sector);
    head["detail"] = "kind " + (a.kind.empty() ? "?" : a.kind) + ", country " + (a.country.empty() ? "-" : a.country) +
                     ", sector " + (a.sector.empty() ? "-" : a.sector);
    out.add(head);
    if (!a.aliases.empty()) {
      json j = fact_row("aliases", a.id, "");
      j["detail"] = a.aliases;
      out.add(j);
    }
    const store::ActorProfile profile = store::actor_profile(*s, a.id, w, memberships, roles);
    for (const auto& pm : profile.memberships) {
      const auto& m = pm.fact;
      const std::string& other = pm.other();
      json j = fact_row(pm.member_of ? "member of" : "member", other, names(other));
      dated(j, m.from, m.to);
      j["source"] = m.source;
      j["evidence"] = m.evidence.size();
      const graph::FactSupport support = store::read_support(*s, m.evidence);
      j["support"] = serve::support_json(m.source, support);
      j["events"] = serve::evidence_ids(support);
      j["detail"] = m.note.empty() ? "(" + m.source + ")" : m.note + " (" + m.source + ")";
      out.add(j);
    }
    for (const auto& pr : profile.roles) {
      if (!pr.leader) continue;  // the CLI lists an organisation's leaders, not a person's posts
      json j = fact_row("leader", pr.fact.person, names(pr.fact.person));
      dated(j, pr.fact.from, pr.fact.to);
      j["detail"] = pr.fact.role;
      out.add(j);
    }
    bool capped = false;
    const auto evidence = store::relation_evidence(*s, a.id, profile.groups, w, capped);
    if (capped)
      std::cerr << "faultline: " << a.id << " has more than " << store::kMaxRelationEvidenceEvents
                << " events in the period; relation evidence is from the latest of them\n";
    for (const auto& rel : profile.relations) out.add(relation_row(rel, names, evidence));
  }
  out.finish();
  return 0;
}

}  // namespace

void add_actor_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ActorOptions>();
  auto* cmd = app.add_subcommand("actor", "Profile of an actor: aliases, memberships, leaders, allies and enemies");
  cmd->footer(
      "NAME: an actor id, name or alias (accents and case ignored). With --at, memberships and\n"
      "leaders are those holding then, and relations are summed over the date's month (a day or a\n"
      "month) or year; --from/--to give a period instead. Relations come from the store's events:\n"
      "ally, enemy or mixed by the balance of cooperative and conflictual weight (docs/store.md).");
  opts->db.add_to(*cmd);
  opts->format.add_to(*cmd);
  cmd->add_option("NAME", opts->name, "Actor id, name or alias")->required();
  cmd->add_option("--at", opts->at, "At this date (YYYY, YYYY-MM or YYYY-MM-DD)")->check(partial_date());
  cmd->add_option("--from", opts->from, "Period start")->check(partial_date());
  cmd->add_option("--to", opts->to, "Period end")->check(partial_date());
  cmd->callback([opts, &action] { action = [opts] { return run_actor(*opts); }; });
}

}  // namespace faultline::cli
