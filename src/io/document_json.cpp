#include "io/document_json.h"

#include <nlohmann/json.hpp>

namespace faultline::io {

std::string document_json(const coding::Document& doc) {
  nlohmann::ordered_json j;
  j["id"] = doc.id;
  if (!doc.date.empty()) j["date"] = doc.date;
  if (!doc.title.empty()) j["title"] = doc.title;
  if (!doc.lang.empty()) j["lang"] = doc.lang;
  if (!doc.source.empty()) j["source"] = doc.source;
  if (!doc.url.empty()) j["url"] = doc.url;
  j["text"] = doc.text;
  // Invalid UTF-8 (which read_documents never hands out) is replaced rather than thrown on.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace faultline::io
