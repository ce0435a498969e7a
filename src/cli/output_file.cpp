#include "cli/output_file.h"

#include <filesystem>
#include <iostream>

namespace faultline::cli {

namespace fs = std::filesystem;

bool OutputFile::open(const std::string& path) {
  path_ = path;
  if (path.empty() || path == "-") {
    out_ = &std::cout;
    return true;
  }
  std::error_code ec;
  auto status = fs::status(path, ec);
  const bool special = !ec && fs::exists(status) && !fs::is_regular_file(status);
  partial_ = special ? std::string() : path + ".partial";
  file_.open(special ? path : partial_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    std::cerr << "faultline: cannot write " << path << "\n";
    return false;
  }
  return true;
}

bool OutputFile::commit() {
  stream().flush();
  if (out_) return static_cast<bool>(*out_);
  file_.close();
  if (!file_) {
    std::cerr << "faultline: writing " << path_ << " failed\n";
    return false;
  }
  if (!partial_.empty()) {
    std::error_code ec;
    fs::rename(partial_, path_, ec);
    if (ec) {
      std::cerr << "faultline: cannot put " << path_ << " in place: " << ec.message() << "\n";
      return false;
    }
  }
  return true;
}

}  // namespace faultline::cli
