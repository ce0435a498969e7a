// `faultline events`: the store's events (deduplicated; or the reports behind them) by filter,
// or one event by its id.
#include <iostream>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "export/event_rows.h"

namespace faultline::cli {
namespace {

struct EventsOptions {
  DbOption db;
  FormatOption format;
  EventFilterOptions filters;
  std::string id;
  bool reports = false;
  bool wide = false;
};

// The columns of a table or CSV: CSV has every field; a table the short or --wide set.
std::vector<exporting::Column> columns_for(const EventsOptions& o) {
  if (o.reports) return exporting::report_columns();
  if (o.format.format() == exporting::RowFormat::Csv) return exporting::event_csv_columns();
  return o.wide ? exporting::event_wide_columns() : exporting::event_columns();
}

void check_combination(const EventsOptions& o) {
  if (!o.id.empty() && (o.reports || o.filters.any_filter() || o.filters.offset || o.filters.limit))
    throw std::invalid_argument("--id shows one event: it takes no filter, --reports, --offset or --limit");
  if (o.reports && o.filters.sort != "date")
    throw std::invalid_argument("--sort orders events; reports are listed by date, document and sentence");
  if (o.wide && o.format.format() != exporting::RowFormat::Table)
    throw std::invalid_argument("--wide is a table layout; --format " + o.format.name + " already has every field");
}

int show_event(store::Store& s, const EventsOptions& o, exporting::RowWriter& out) {
  auto found = s.events_by_id({o.id});
  if (found.empty()) throw std::invalid_argument("--id: no event has the id '" + o.id + "'");
  out.add(exporting::event_row(found.front()));
  out.finish();
  return 0;
}

int run_events(const EventsOptions& o) {
  check_combination(o);
  auto s = o.db.open();
  exporting::RowWriter out(std::cout, o.format.format(), columns_for(o));
  if (!o.id.empty()) return show_event(*s, o, out);
  store::EventQuery q = o.filters.resolve(*s);
  if (o.reports)
    s->reports(q, [&](const store::ReportView& v) { out.add(exporting::report_row(v)); });
  else
    s->events(q, [&](const store::EventView& v) { out.add(exporting::event_row(v)); });
  out.finish();
  return 0;
}

}  // namespace

void add_events_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<EventsOptions>();
  auto* cmd = app.add_subcommand("events", "List the store's events (each real event once, with its sources)");
  cmd->footer(
      "Events are ordered by date (--sort for another order). --format json prints one object per\n"
      "event: the fields of the output contract plus `id` and `sources` (the reports of the event:\n"
      "doc, source, sentence); --format csv has every field, one column each. --reports lists the\n"
      "reports (one per document sentence) instead, each with its `event`. A filter that names no\n"
      "stored actor, type, place, region or country is an error (exit 2) with suggestions.");
  opts->db.add_to(*cmd);
  opts->format.add_to(*cmd);
  opts->filters.add_to(*cmd);
  cmd->add_option("--id", opts->id, "Show this one event (an id of the `id` column, ev_…)");
  cmd->add_flag("--reports", opts->reports, "List reports instead of deduplicated events");
  cmd->add_flag("--wide", opts->wide, "A wider table: precision, ACLED type and sub-type, region, country, coordinates, confidence");
  cmd->callback([opts, &action] { action = [opts] { return run_events(*opts); }; });
}

}  // namespace faultline::cli
