// `faultline events`: the store's events (deduplicated; or the reports behind them) by filter.
#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "export/event_rows.h"

namespace faultline::cli {
namespace {

struct EventsOptions {
  DbOption db;
  FormatOption format;
  EventFilterOptions filters;
  bool reports = false;
};

int run_events(const EventsOptions& o) {
  auto s = o.db.open();
  store::EventQuery q = o.filters.resolve(*s);
  exporting::RowWriter out(std::cout, o.format.format(),
                           o.reports ? exporting::report_columns() : exporting::event_columns());
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
      "Events are ordered by date. --format json prints one object per event: the fields of the\n"
      "output contract plus `id` and `sources` (the reports of the event: doc, source, sentence).\n"
      "--reports lists the reports (one per document sentence) instead, each with its `event`.");
  opts->db.add_to(*cmd);
  opts->format.add_to(*cmd);
  opts->filters.add_to(*cmd);
  cmd->add_flag("--reports", opts->reports, "List reports instead of deduplicated events");
  cmd->callback([opts, &action] { action = [opts] { return run_events(*opts); }; });
}

}  // namespace faultline::cli
