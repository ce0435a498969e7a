// The JSON Lines form of a coded event (the contract in docs and ../shared/eval/README.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "coding/coded_event.h"

namespace faultline::io {

nlohmann::ordered_json event_to_json(const coding::CodedEvent& e);
std::string event_to_json_line(const coding::CodedEvent& e);

}  // namespace faultline::io
