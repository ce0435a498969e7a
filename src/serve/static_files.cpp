#include "serve/static_files.h"

#include <fstream>
#include <map>
#include <sstream>

namespace faultline::serve {
namespace fs = std::filesystem;

namespace {

const std::map<std::string, std::string>& content_types() {
  static const std::map<std::string, std::string> types{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".png", "image/png"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".geojson", "application/geo+json"},
  };
  return types;
}

// A file may be at most this big (the largest asset, the world's borders, is under 1 MB).
constexpr std::uintmax_t kMaxFileSize = 16u << 20;

}  // namespace

StaticFiles::StaticFiles(fs::path root) {
  std::error_code ec;
  root_ = fs::weakly_canonical(root, ec);
  if (ec) root_ = root;
}

std::optional<StaticFile> StaticFiles::get(const std::string& url_path) const {
  if (url_path.empty() || url_path[0] != '/' || url_path.find('\0') != std::string::npos) return std::nullopt;
  std::string rel = url_path.substr(1);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  fs::path p(rel);
  // Refuse before touching the file system: no absolute paths, no ".." or "." components.
  if (p.is_absolute() || p.has_root_name()) return std::nullopt;
  for (const auto& part : p)
    if (part == ".." || part == "." || part.empty()) return std::nullopt;
  std::error_code ec;
  fs::path full = fs::weakly_canonical(root_ / p, ec);
  if (ec) return std::nullopt;
  // Links may not lead out of the folder either.
  auto [r, f] = std::mismatch(root_.begin(), root_.end(), full.begin(), full.end());
  if (r != root_.end()) return std::nullopt;
  if (!fs::is_regular_file(full, ec) || fs::file_size(full, ec) > kMaxFileSize) return std::nullopt;
  auto type = content_types().find(full.extension().string());
  if (type == content_types().end()) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  return StaticFile{body.str(), type->second};
}

}  // namespace faultline::serve
