// Validators for the date options of every command: a date that is not on the calendar
// (2021-02-31) is a usage error (exit 2) with the option named, never a silently shifted date.
#pragma once

#include <CLI/CLI.hpp>

namespace faultline::cli {

// YYYY-MM-DD, a real calendar day (publication dates: --date).
CLI::Validator day_date();
// YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date (periods: --at, --from, --to).
CLI::Validator partial_date();

}  // namespace faultline::cli
