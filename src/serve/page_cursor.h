// The opaque cursor of /api/events: where the last event of a page stands in the page's sort
// order, so that the next page starts right after it however deep the walk goes (offsets are
// capped; a cursor is not). It names the sort it was made for and the event's id, so that a
// cursor used with another sort, or after the store changed under a restarted server, is refused
// rather than silently skipping or repeating events.
#pragma once

#include <cstdint>
#include <string>

namespace faultline::serve {

struct PageCursor {
  std::string sort;       // the `sort` parameter as given canonically: "date", "-fatalities"…
  uint32_t position = 0;  // EventIndex::position() of the last event shown
  std::string id;         // that event's public id
};

// URL-safe text (base64url of "1|sort|position|id").
std::string encode_cursor(const PageCursor& c);
// Throws ApiError 400 `bad_cursor` when `text` is not a cursor this server made.
PageCursor decode_cursor(const std::string& text);

}  // namespace faultline::serve
