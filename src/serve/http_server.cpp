#include "serve/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>

#include "serve/api_error.h"
#include "serve/buffered_sink.h"
#include "serve/connections.h"
#include "serve/query_params.h"

namespace faultline::serve {
namespace {

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  // Stored text is valid UTF-8, but never let a stray byte turn into an exception here. JSON is
  // UTF-8 by definition (RFC 8259: no charset parameter), and httplib compresses only the bare
  // "application/json" type when the client accepts gzip.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
  res.set_header("Cache-Control", "no-store");
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  json j;
  j["error"] = {{"status", status}, {"code", code}, {"message", message}};
  send_json(res, status, j);
}

std::string code_of(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "request_timeout";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 416: return "range_not_satisfiable";
    case 429: return "rate_limited";
    case 431: return "headers_too_large";
    default: return status >= 500 ? "internal_error" : "error";
  }
}

std::string message_of(int status) {
  switch (status) {
    case 400: return "the request could not be read";
    case 404: return "not found";
    case 408: return "the request took too long to arrive";
    case 413: return "the request body is too large";
    case 414: return "the request URI is too long";
    case 431: return "the request headers are too large";
    default: return "the request failed (HTTP " + std::to_string(status) + ")";
  }
}

bool is_api(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

// httplib cuts every routed answer to the request's Range header, JSON answers and errors too (a
// 200 or 400 with a slice of JSON, or multipart/byteranges of it). Only the page's files are sent
// in byte ranges; everything else goes whole, as RFC 9110 lets a server do. The request is
// httplib's own object, not a const one: only the handlers see it as const.
void send_whole(const httplib::Request& req) { const_cast<httplib::Request&>(req).ranges.clear(); }

// Whether every byte range of the request starts inside a file of `size` bytes (as httplib reads
// them: -1 for a bound not given). httplib answers an empty, non-JSON 416 otherwise, after the
// handlers, so the file handler answers that one itself.
bool ranges_fit(const httplib::Request& req, std::size_t size) {
  const long long n = static_cast<long long>(size);
  for (const auto& range : req.ranges) {
    if (range.first == -1 && range.second == -1) continue;
    const long long offset = range.first == -1 ? std::max(0LL, n - static_cast<long long>(range.second)) : range.first;
    if (offset >= n) return false;
  }
  return true;
}

// A strong validator of a file's content: FNV-1a over its bytes, with its size.
std::string entity_tag(const std::string& body) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : body) h = (h ^ c) * 1099511628211ull;
  char buf[48];
  std::snprintf(buf, sizeof buf, "\"%zx-%016llx\"", body.size(), static_cast<unsigned long long>(h));
  return buf;
}

// Whether If-None-Match lists this tag (weak "W/" prefix or not: RFC 9110 compares weakly
// here) or is "*": the client's copy is current.
bool not_modified(const httplib::Request& req, const std::string& tag) {
  const std::string want = req.get_header_value("If-None-Match");
  return want == "*" || (!want.empty() && want.find(tag) != std::string::npos);
}

}  // namespace

HttpServer::HttpServer(const ApiContext& api, StaticFiles files, const ServerOptions& options)
    : api_(api),
      files_(std::move(files)),
      options_(options),
      limiter_(options.rate_limit, std::max(options.rate_burst, 1.0)),
      http_(std::make_unique<RoutedServer>()) {
  const int threads = std::max(1, options.threads);
  // A thread per connection beyond these (connections.h): slow or idle clients hold theirs only.
  http_->new_task_queue = [threads] {
    return new ConnectionThreads(static_cast<std::size_t>(threads), kMaxConnectionThreads);
  };
  // Without it a response's last small segment waits for the client's delayed ACK (~40 ms).
  http_->set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second server
  // bind the same port and silently take half of the connections.
  http_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http_->set_payload_max_length(kMaxBodyBytes);
  http_->set_keep_alive_max_count(1000);
  http_->set_keep_alive_timeout(5);
  http_->set_read_timeout(5, 0);
  http_->set_write_timeout(10, 0);
  http_->set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      // The page loads nothing from elsewhere; Leaflet and Cytoscape set inline styles.
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
  });
  routes();
}

HttpServer::~HttpServer() = default;

void HttpServer::routes() {
  // Before routing: only GET and HEAD, and the rate limit on the API.
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (is_api(req.path)) send_whole(req);
    if (req.method != "GET" && req.method != "HEAD") {
      send_whole(req);
      res.set_header("Allow", "GET, HEAD");
      send_error(res, 405, "method_not_allowed", "only GET and HEAD are served");
      return httplib::Server::HandlerResponse::Handled;
    }
    // GET and HEAD take no body (httplib would leave it unread); the connection closes after.
    if (has_body(req)) {
      send_whole(req);
      send_error(res, 413, "payload_too_large", "GET and HEAD requests take no body");
      return httplib::Server::HandlerResponse::Handled;
    }
    double retry_after = 0;
    if (is_api(req.path) && !limiter_.allow(req.remote_addr, retry_after)) {
      res.set_header("Retry-After", std::to_string(static_cast<int>(std::ceil(retry_after))));
      send_error(res, 429, "rate_limited", "too many requests from this client; retry after the time in Retry-After");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  using Endpoint = json (*)(const ApiContext&, const ApiRequest&);
  auto api = [this](Endpoint endpoint) {
    return [this, endpoint](const httplib::Request& req, httplib::Response& res) {
      try {
        std::string arg = req.matches.size() > 1 ? req.matches[1].str() : std::string();
        if (arg.size() > kMaxParameterLength || !is_clean_text(arg))
          throw ApiError(400, "bad_path", "the id in the path is too long or not valid UTF-8 text");
        send_json(res, 200, endpoint(api_, ApiRequest{arg, req.params}));
      } catch (const ApiError& e) {
        send_error(res, e.status(), e.code(), e.what());
      }
    };
  };
  http_->Get("/api/health", [](const httplib::Request&, httplib::Response& res) { send_json(res, 200, {{"status", "ok"}}); });
  http_->Get("/api/meta", api(api_meta));
  http_->Get("/api/events", api(api_events));
  http_->Get(R"(/api/events/(.+))", api(api_event));
  http_->Get("/api/timeline", api(api_timeline));
  http_->Get("/api/map", api(api_map));
  http_->Get("/api/search", api(api_search));
  // A download: the parameters are checked first (a JSON error), then the file is streamed in
  // chunks as the events are read (gzip when the client accepts it and the type is text).
  http_->Get("/api/export", [this](const httplib::Request& req, httplib::Response& res) {
    try {
      auto download = std::make_shared<Download>(api_export(api_, ApiRequest{"", req.params}));
      res.set_header("Content-Disposition", "attachment; filename=\"" + download->filename + "\"");
      res.set_header("Cache-Control", "no-store");
      res.set_chunked_content_provider(download->media_type, [download](std::size_t, httplib::DataSink& sink) {
        try {
          BufferedSink buffer(sink.write);
          std::ostream out(&buffer);
          out.exceptions(std::ios::badbit);  // a ClientGone from the buffer ends the export
          download->write(out);
          out.flush();
          sink.done();
          return true;
        } catch (const ClientGone&) {
          return false;
        } catch (const std::exception& e) {
          // The headers are sent: all that is left is to cut the connection (the file is incomplete).
          std::cerr << "faultline serve: export failed: " << e.what() << "\n";
          return false;
        }
      });
    } catch (const ApiError& e) {
      send_error(res, e.status(), e.code(), e.what());
    }
  });
  http_->Get("/api/actors", api(api_actors));
  http_->Get(R"(/api/actors/(.+))", api(api_actor));
  http_->Get("/api/graph", api(api_graph));
  http_->Get("/api/control", api(api_control_places));
  http_->Get(R"(/api/control/(.+))", api(api_control));
  http_->Get(R"(/api/documents/(.+))", api(api_document));
  http_->Get("/api/new-actors", api(api_new_actors));
  http_->Get(R"(/api(/.*)?)", [](const httplib::Request& req, httplib::Response& res) {
    send_error(res, 404, "no_such_endpoint", "no API endpoint at " + req.path + " (see docs/serve.md)");
  });
  http_->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    auto file = files_.get(req.path);
    if (!file) {
      send_whole(req);
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    if (!ranges_fit(req, file->body.size())) {
      send_whole(req);
      res.set_header("Content-Range", "bytes */" + std::to_string(file->body.size()));
      send_error(res, 416, "range_not_satisfiable", "the requested byte range is outside the file");
      return;
    }
    // "no-cache" makes the browser ask again each time; the ETag lets it keep its copy (304).
    const std::string tag = entity_tag(file->body);
    res.set_header("ETag", tag);
    res.set_header("Cache-Control", "no-cache");
    if (not_modified(req, tag)) {
      send_whole(req);
      res.status = 304;
      return;
    }
    res.set_content(std::move(file->body), file->content_type);
  });
  // CORS: only the origin given with --cors may read answers from its pages.
  http_->set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (options_.cors_origin.empty()) return;
    res.set_header("Vary", "Origin");
    if (req.get_header_value("Origin") == options_.cors_origin)
      res.set_header("Access-Control-Allow-Origin", options_.cors_origin);
  });

  // Errors that httplib raises itself (a request too large, a URI too long…) get a JSON body too.
  http_->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (is_api(req.path) || res.status != 404) send_error(res, res.status, code_of(res.status), message_of(res.status));
  });
  http_->set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::cerr << "faultline serve: error answering " << req.path << ": " << what << "\n";
    send_error(res, 500, "internal_error", "the server failed to answer this request (logged)");
  });
  if (options_.access_log)
    http_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::cerr << req.remote_addr << " " << req.method << " " << req.target << " " << res.status << "\n";
    });
}

bool HttpServer::bind() {
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
    return port_ > 0;
  }
  if (!http_->bind_to_port(options_.host, options_.port)) return false;
  port_ = options_.port;
  return true;
}

bool HttpServer::run() { return http_->listen_after_bind(); }

void HttpServer::stop() { http_->stop(); }

std::string HttpServer::answer(const std::string& request) {
  return static_cast<RoutedServer&>(*http_).answer(request);
}

}  // namespace faultline::serve
