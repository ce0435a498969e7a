// The page's files, served from one folder (the asset folder): only regular files inside it,
// with a known extension; a path that leaves the folder ("..", an absolute path, a link out of it)
// is refused.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace faultline::serve {

struct StaticFile {
  std::string body;
  std::string content_type;
};

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  const std::filesystem::path& root() const { return root_; }
  // The file a URL path names ("/" is index.html), or nullopt when there is none that may be served.
  std::optional<StaticFile> get(const std::string& url_path) const;

 private:
  std::filesystem::path root_;  // canonical
};

}  // namespace faultline::serve
