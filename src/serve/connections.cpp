#include "serve/connections.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace faultline::serve {
namespace {

using Clock = std::chrono::steady_clock;

// A connection's socket, buffered, with the request deadline on reads. Waits
// are cut into short slices so that a stopping server (its listening socket
// closed) is noticed at once.
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, const std::atomic<socket_t>& listener, time_t read_timeout_s, time_t write_timeout_s)
      : sock_(sock),
        listener_(listener),
        read_timeout_(std::chrono::seconds(read_timeout_s)),
        write_timeout_(std::chrono::seconds(write_timeout_s)) {}

  // Waits up to `seconds` for the next request's first byte; false when none
  // comes.
  bool wait_for_request(time_t seconds) {
    return pos_ < len_ || wait(POLLIN, Clock::now() + std::chrono::seconds(seconds));
  }
  void start_request() { deadline_ = Clock::now() + std::chrono::seconds(kRequestDeadlineSeconds); }

  bool is_readable() const override { return pos_ < len_ || wait(POLLIN, read_until()); }
  bool is_writable() const override { return wait(POLLOUT, Clock::now() + write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (pos_ == len_) {
      if (!wait(POLLIN, read_until())) return -1;
      if (size >= sizeof buffer_) return receive(ptr, size);  // large reads skip the buffer
      ssize_t n = receive(buffer_, sizeof buffer_);
      if (n <= 0) return n;
      pos_ = 0;
      len_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, len_ - pos_);
    std::memcpy(ptr, buffer_ + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(getsockname, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  Clock::time_point read_until() const { return std::min(Clock::now() + read_timeout_, deadline_); }

  // Polls for `events` until `until`; false on timeout, error, or when the
  // server stops.
  bool wait(short events, Clock::time_point until) const {
    for (;;) {
      if (listener_ == INVALID_SOCKET) return false;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
      if (left <= 0) return false;
      pollfd p{sock_, events, 0};
      int rc = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 100)));
      if (rc > 0) return (p.revents & (events | POLLHUP | POLLERR)) != 0;
      if (rc < 0 && errno != EINTR) return false;
    }
  }

  ssize_t receive(char* ptr, size_t size) {
    ssize_t n;
    do n = ::recv(sock_, ptr, size, 0);
    while (n < 0 && errno == EINTR);
    return n;
  }

  void address(int (*get)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    char host[NI_MAXHOST] = "", serv[NI_MAXSERV] = "";
    if (get(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0 &&
        getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
      ip = host;
      port = std::atoi(serv);
    }
  }

  socket_t sock_;
  const std::atomic<socket_t>& listener_;
  std::chrono::seconds read_timeout_, write_timeout_;
  Clock::time_point deadline_ = Clock::time_point::max();
  char buffer_[4096];
  size_t pos_ = 0, len_ = 0;
};

// A request held in memory, read as a connection would be; the response is
// collected.
class MemoryStream final : public httplib::Stream {
 public:
  explicit MemoryStream(const std::string& in) : in_(in) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, in_.size() - pos_);
    std::copy_n(in_.data() + pos_, n, ptr);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 1;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 2;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  std::string& out() { return out_; }

 private:
  const std::string& in_;
  size_t pos_ = 0;
  std::string out_;
};

}  // namespace

bool has_body(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  const std::string length = req.get_header_value("Content-Length");
  return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

ConnectionThreads::ConnectionThreads(std::size_t ready, std::size_t max) : max_(std::max<std::size_t>(max, 1)) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::size_t i = 0; i < std::min(ready, max_); ++i) start_thread();
}

ConnectionThreads::~ConnectionThreads() { shutdown(); }

void ConnectionThreads::start_thread() {
  ++free_;
  threads_.emplace_back([this] { work(); });
}

void ConnectionThreads::enqueue(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  jobs_.push_back(std::move(fn));
  if (free_ < jobs_.size() && threads_.size() < max_) start_thread();
  wake_.notify_one();
}

void ConnectionThreads::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutting_down_) return;
    shutting_down_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();  // no thread starts once shutting down
}

void ConnectionThreads::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return !jobs_.empty() || shutting_down_; });
    if (jobs_.empty()) return;  // shutting down, nothing left to serve
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    --free_;
    lock.unlock();
    job();
    lock.lock();
    ++free_;
  }
}

std::string RoutedServer::answer(const std::string& request) {
  MemoryStream stream(request);
  bool closed = false;
  process_request(stream, true, closed, nullptr);
  return std::move(stream.out());
}

bool RoutedServer::process_and_close_socket(socket_t sock) {
  // As httplib's own loop (keep-alive up to a count and an idle timeout), but
  // with one buffered stream for the connection and a deadline for each
  // request. A request that declared a body ends the connection: the server
  // reads none on GET, and what is left must not be taken for the next request.
  bool ok = false;
  {
    DeadlineStream stream(sock, svr_sock_, read_timeout_sec_, write_timeout_sec_);
    for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
      if (!stream.wait_for_request(keep_alive_timeout_sec_)) break;
      stream.start_request();
      bool closed = false, body = false;
      ok = process_request(stream, left == 1, closed, [&body](httplib::Request& req) { body = has_body(req); });
      if (!ok || closed || body) break;
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace faultline::serve
