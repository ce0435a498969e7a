// The HTTP server of `faultline serve` (cpp-httplib): the JSON API under /api/ and the page's
// files at /, with limits on request size, a per-client rate limit on the API, JSON errors for
// everything that goes wrong, and security headers.
#pragma once

#include <memory>
#include <string>

#include "serve/api.h"
#include "serve/rate_limiter.h"
#include "serve/static_files.h"

namespace httplib {
class Server;
}

namespace faultline::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  double rate_limit = 50;   // API requests a second per client address; 0 = no limit
  double rate_burst = 100;  // requests a client may make at once
  int threads = 8;          // request threads (each keep-alive connection holds one while open)
  bool access_log = false;  // one line per request on standard error
  // An origin (scheme://host[:port]) whose pages may read the API (CORS); "" = same origin only.
  std::string cors_origin;
};

// Largest request body and header block accepted (the API takes no bodies).
inline constexpr std::size_t kMaxBodyBytes = 16 * 1024;

class HttpServer {
 public:
  HttpServer(const ApiContext& api, StaticFiles files, const ServerOptions& options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address; returns false when it cannot (the port is taken…).
  bool bind();
  int port() const { return port_; }
  // Serves until stop() (from another thread or a signal handler's thread).
  bool run();
  void stop();
  // Answers the raw HTTP request bytes `request` with the same parsing, routing and handlers as
  // a connection gets, without a socket; returns the raw response (for the fuzzer, fuzz/).
  std::string answer(const std::string& request);

 private:
  void routes();
  const ApiContext& api_;
  StaticFiles files_;
  ServerOptions options_;
  RateLimiter limiter_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
};

}  // namespace faultline::serve
