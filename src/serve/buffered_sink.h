// An output stream buffer that hands a streamed answer to the connection in blocks of 64 KiB:
// httplib's own DataSink::os writes every small piece as a chunk of its own (a CSV cell would be
// a system call). When the client has gone away it throws ClientGone, which ends the export.
#pragma once

#include <functional>
#include <stdexcept>
#include <streambuf>
#include <vector>

namespace faultline::serve {

struct ClientGone : std::runtime_error {
  ClientGone() : std::runtime_error("the client closed the connection") {}
};

class BufferedSink : public std::streambuf {
 public:
  using Write = std::function<bool(const char*, std::size_t)>;
  explicit BufferedSink(Write write, std::size_t size = 64 * 1024) : write_(std::move(write)), buffer_(size) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  BufferedSink(const BufferedSink&) = delete;
  BufferedSink& operator=(const BufferedSink&) = delete;

 protected:
  int_type overflow(int_type c) override {
    flush_buffer();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    flush_buffer();
    return 0;
  }

 private:
  void flush_buffer() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    if (n && !write_(pbase(), n)) throw ClientGone();
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  Write write_;
  std::vector<char> buffer_;
};

}  // namespace faultline::serve
