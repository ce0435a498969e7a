// An empty string as JSON null: the output contract's convention for an absent text field, shared
// by every JSON the project writes (the coder's events, exports, the CLI, the API).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace faultline::io {

inline nlohmann::ordered_json nullable(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

}  // namespace faultline::io
