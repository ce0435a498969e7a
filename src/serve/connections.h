// How `faultline serve` holds its connections, under cpp-httplib: a thread for
// each connection (started as needed, up to kMaxConnectionThreads), so that
// slow or idle clients cannot take every thread from the others, and a deadline
// for each request to arrive whole, so that a client trickling its request a
// byte at a time (slowloris) is cut off, however regularly it sends. Also
// answers a request held in memory (for the fuzzer).
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace faultline::serve {

// Connections served at once; more wait for a thread.
inline constexpr std::size_t kMaxConnectionThreads = 512;
// Seconds a request (line, headers and body) may take to arrive once its first
// byte has.
inline constexpr int kRequestDeadlineSeconds = 10;

// Whether a request declares a body (a Content-Length other than 0, or a
// Transfer-Encoding).
bool has_body(const httplib::Request& req);

// httplib's task queue: `ready` threads from the start, another whenever a
// connection arrives and none is free, up to `max`. Threads stay for later
// connections until shutdown.
class ConnectionThreads final : public httplib::TaskQueue {
 public:
  ConnectionThreads(std::size_t ready, std::size_t max);
  ~ConnectionThreads() override;
  ConnectionThreads(const ConnectionThreads&) = delete;
  ConnectionThreads& operator=(const ConnectionThreads&) = delete;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

 private:
  void start_thread();  // with mutex_ held
  void work();

  const std::size_t max_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t free_ = 0;  // threads not running a job
  bool shutting_down_ = false;
};

// httplib's server, with connections read under the request deadline.
class RoutedServer final : public httplib::Server {
 public:
  // Answers raw request bytes held in memory as a connection's first request;
  // the raw response.
  std::string answer(const std::string& request);

 private:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace faultline::serve
