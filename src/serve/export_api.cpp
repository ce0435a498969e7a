// /api/export: the events that /api/events' filters select, in an export format of
// `faultline export` (src/export: each format is written once, for both), streamed in the index's
// order (the store's: by date, then id) and read from the store a batch at a time.
#include "export/exporters.h"
#include "serve/api.h"
#include "serve/api_error.h"
#include "serve/event_filter_params.h"

namespace faultline::serve {
namespace {

constexpr std::size_t kBatch = 500;  // events read from the store at a time

}  // namespace

Download api_export(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {FAULTLINE_EVENT_FILTER_PARAMS, "format"});
  if (!p.has("format"))
    throw bad_parameter("parameter 'format' is required: acled-csv, cameo-tsv, plover-jsonl, geojson or graphml");
  exporting::ExportFormat format;
  try {
    format = exporting::parse_export_format(p.text("format"));
  } catch (const std::invalid_argument&) {
    throw bad_parameter("parameter 'format' must be acled-csv, cameo-tsv, plover-jsonl, geojson or graphml");
  }
  std::vector<std::string> warnings;  // an unknown actor or place: no events, as /api/events
  EventFilter f = parse_event_filter(p, c.events, c.actors, warnings);
  Download d;
  d.media_type = exporting::export_media_type(format);
  d.filename = "faultline-events." + exporting::export_extension(format);
  d.write = [&c, f, format](std::ostream& out) {
    // One connection for the whole export: a download of every event is one consistent read.
    c.store.with([&](store::Store& s) {
      exporting::EventStream events;
      events.from_key = f.from_key;
      events.to_key = f.to_key;
      events.each = [&](const exporting::EventStream::Visit& visit) {
        std::vector<uint32_t> batch;
        auto flush = [&] {
          for (const auto& v : s.events_by_id(c.events.ids(batch))) visit(v);
          batch.clear();
        };
        c.events.for_each(f, [&](uint32_t i) {
          batch.push_back(i);
          if (batch.size() == kBatch) flush();
        });
        flush();
      };
      exporting::export_events(format, s, events, out);
    });
  };
  return d;
}

}  // namespace faultline::serve
