// An error the API answers with a 4xx status and a JSON body {"error": {"status", "code", "message"}}.
#pragma once

#include <stdexcept>
#include <string>

namespace faultline::serve {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

inline ApiError bad_parameter(const std::string& message) { return ApiError(400, "bad_parameter", message); }
inline ApiError not_found(const std::string& message) { return ApiError(404, "not_found", message); }

}  // namespace faultline::serve
