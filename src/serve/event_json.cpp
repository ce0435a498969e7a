#include "serve/event_json.h"

#include "export/event_rows.h"
#include "serve/json_values.h"

namespace faultline::serve {
nlohmann::ordered_json event_json(const store::EventView& v) { return exporting::event_row(v); }

nlohmann::ordered_json source_json(const store::Source& s) {
  nlohmann::ordered_json j;
  j["report"] = s.report;
  j["doc"] = s.doc;
  j["source"] = nullable(s.outlet);
  j["url"] = nullable(s.url);
  j["published"] = nullable(s.published);
  j["sentence"] = s.sentence;
  j["evidence"] = s.evidence;
  return j;
}

nlohmann::ordered_json event_detail_json(const store::EventView& v) {
  auto j = event_json(v);
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& s : v.sources) j["sources"].push_back(source_json(s));
  return j;
}

}  // namespace faultline::serve
