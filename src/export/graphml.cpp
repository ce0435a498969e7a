// GraphML for Gephi and other graph tools: the actors of the matching events as nodes; as edges,
// their relation over those events (kind ally, enemy or mixed; weight = total evidence weight)
// and the memberships between them (kind member, directed member → group).
#include <map>
#include <set>

#include "export/exporters.h"
#include "extract/dates.h"
#include "graph/relation_weights.h"
#include "graph/relations.h"

namespace faultline::exporting {
namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

struct Node {
  std::string name;
  std::string country;
  std::string sector;
};

std::string data(const std::string& key, const std::string& value) {
  return "<data key=\"" + key + "\">" + xml_escape(value) + "</data>";
}

}  // namespace

ExportStats export_graphml(store::Store& s, const EventStream& events, std::ostream& out) {
  ExportStats stats;
  graph::RelationAccumulator relations;
  std::map<std::string, Node> nodes;
  events.each([&](const store::EventView& v) {
    relations.add(v.event);
    for (const auto* side : {&v.event.data.actor1, &v.event.data.actor2})
      for (const auto& a : *side)
        if (!a.party().empty())
          nodes.try_emplace(a.party(), Node{a.affiliation_id.empty() ? a.name : a.affiliation, a.country, a.sector});
  });
  struct Sum {
    double cooperative = 0, conflictual = 0;
    int events = 0;
  };
  std::map<std::pair<std::string, std::string>, Sum> pairs;
  for (const auto& c : relations.cells()) {
    Sum& p = pairs[{c.a, c.b}];
    p.cooperative += c.cooperative;
    p.conflictual += c.conflictual;
    p.events += c.cooperative_events + c.conflictual_events;
  }

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
         "  <key id=\"sector\" for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>\n"
         "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <key id=\"cooperative\" for=\"edge\" attr.name=\"cooperative\" attr.type=\"double\"/>\n"
         "  <key id=\"conflictual\" for=\"edge\" attr.name=\"conflictual\" attr.type=\"double\"/>\n"
         "  <key id=\"events\" for=\"edge\" attr.name=\"events\" attr.type=\"int\"/>\n"
         "  <key id=\"from\" for=\"edge\" attr.name=\"from\" attr.type=\"string\"/>\n"
         "  <key id=\"to\" for=\"edge\" attr.name=\"to\" attr.type=\"string\"/>\n"
         "  <graph id=\"faultline\" edgedefault=\"undirected\">\n";
  for (const auto& [id, n] : nodes) {
    out << "    <node id=\"" << xml_escape(id) << "\">" << data("label", n.name) << data("country", n.country)
        << data("sector", n.sector) << "</node>\n";
    ++stats.written;
  }
  std::size_t edge = 0;
  for (const auto& [key, p] : pairs) {
    out << "    <edge id=\"e" << edge++ << "\" source=\"" << xml_escape(key.first) << "\" target=\""
        << xml_escape(key.second) << "\">" << data("kind", graph::relation_kind(key.first, key.second, p.cooperative, p.conflictual, p.events))
        << data("weight", std::to_string(p.cooperative + p.conflictual))
        << data("cooperative", std::to_string(p.cooperative)) << data("conflictual", std::to_string(p.conflictual))
        << data("events", std::to_string(p.events)) << "</edge>\n";
    ++stats.written;
  }
  // Memberships between the graph's actors that held during the queried dates.
  graph::Window window{events.from_key ? events.from_key : 0, events.to_key ? events.to_key : 99991231};
  for (const auto& m : s.memberships()) {
    if (!nodes.count(m.member) || !nodes.count(m.group)) continue;
    int from = m.from.known() ? m.from.first_key() : 0;
    int to = m.to.known() ? m.to.last_key() : 99991231;
    if (to < window.first || from > window.last) continue;
    out << "    <edge id=\"e" << edge++ << "\" source=\"" << xml_escape(m.member) << "\" target=\""
        << xml_escape(m.group) << "\" directed=\"true\">" << data("kind", "member") << data("weight", "1")
        << data("from", extract::format_date(m.from)) << data("to", extract::format_date(m.to)) << "</edge>\n";
    ++stats.written;
  }
  out << "  </graph>\n</graphml>\n";
  return stats;
}

}  // namespace faultline::exporting
