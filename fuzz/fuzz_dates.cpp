// libFuzzer target: date expressions in arbitrary text against arbitrary publication and story
// dates; every date found must be a valid calendar date.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/dates.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  faultline::extract::DateContext ctx;
  ctx.publication = {1990 + data[0] % 50, 1 + data[1] % 12, 1 + data[2] % 28};
  if (data[3] % 2) ctx.narrative = {1990 + data[3] % 50, data[3] % 13, 0};
  ctx.narrative_age = data[3] % 7;
  std::string text = faultline::text::repair_utf8(std::string(reinterpret_cast<const char*>(data + 4), size - 4), nullptr);
  auto tokens = faultline::text::tokenize(text);
  auto n = static_cast<uint32_t>(tokens.size());
  for (const auto& d : faultline::extract::find_dates(tokens, 0, n, ctx)) {
    if (d.begin > d.end || d.end > n) std::abort();
    if (d.date.month > 12 || d.date.day > 31 || (d.date.day && !d.date.month)) std::abort();
    if (d.date.day) {
      using namespace std::chrono;
      year_month_day ymd{year{d.date.year}, month{static_cast<unsigned>(d.date.month)},
                         day{static_cast<unsigned>(d.date.day)}};
      if (!ymd.ok()) std::abort();
    }
  }
  return 0;
}
