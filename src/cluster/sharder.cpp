#include "cluster/sharder.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "cluster/shard_plan.h"
#include "io/document_json.h"
#include "store/content_hash.h"

namespace faultline::cluster {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPartial = ".partial";

std::runtime_error write_error(const fs::path& p) {
  return std::runtime_error(p.string() + ": cannot write (" + std::strerror(errno) + ")");
}

// Removes the files it names when the run does not finish (a failed shard leaves no half files).
class Scratch {
 public:
  ~Scratch() {
    std::error_code ec;
    for (const auto& p : paths_) fs::remove(p, ec);
  }
  const fs::path& add(fs::path p) { return paths_.emplace_back(std::move(p)); }
  void keep() { paths_.clear(); }

 private:
  std::vector<fs::path> paths_;
};

// Shard lines gathered in memory and appended to the shard's files now and then, so that any
// number of shards works without as many open files.
class ShardFiles {
 public:
  ShardFiles(const fs::path& dir, uint32_t parts, std::size_t budget, Scratch& scratch) : budget_(budget) {
    for (uint32_t k = 0; k < parts; ++k) {
      docs_.push_back({scratch.add(dir / (shard_file_name(k) + kPartial)), {}});
      ids_.push_back({scratch.add(dir / (shard_ids_file_name(k) + kPartial)), {}});
      for (auto* f : {&docs_.back(), &ids_.back()}) {
        std::ofstream out(f->path, std::ios::binary | std::ios::trunc);
        if (!out) throw write_error(f->path);
      }
    }
  }
  void add(uint32_t shard, const std::string& doc_line, const std::string& id_line) {
    append(docs_[shard], doc_line);
    append(ids_[shard], id_line);
    if (held_ > budget_) flush();
  }
  void flush() {
    for (auto* files : {&docs_, &ids_})
      for (auto& f : *files) {
        if (f.buffer.empty()) continue;
        std::ofstream out(f.path, std::ios::binary | std::ios::app);
        out.write(f.buffer.data(), static_cast<std::streamsize>(f.buffer.size()));
        out.close();
        if (!out) throw write_error(f.path);
        f.buffer.clear();
        f.buffer.shrink_to_fit();
      }
    held_ = 0;
  }

 private:
  struct File {
    fs::path path;
    std::string buffer;
  };
  void append(File& f, const std::string& line) {
    f.buffer += line;
    f.buffer += '\n';
    held_ += line.size() + 1;
  }
  std::vector<File> docs_, ids_;
  std::size_t budget_;
  std::size_t held_ = 0;
};

// The document as ingest will read it back from its shard line (the line is what is stored; the
// hash must be the one ingest computes from it).
coding::Document reread(const std::string& line) {
  std::istringstream in(line);
  coding::Document back;
  std::vector<io::InputIssue> ignored;
  io::read_documents(
      in, "shard.jsonl", {}, [&](coding::Document&& d) { back = std::move(d); }, ignored);
  return back;
}

}  // namespace

bool holds_shards(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(fs::path(dir) / kManifestFile, ec)) return true;
  if (!fs::is_directory(dir, ec)) return false;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.starts_with("shard-") && (name.ends_with(".jsonl") || name.ends_with(kPartial))) return true;
  }
  return false;
}

void write_file_atomically(const std::string& path, const std::string& text) {
  fs::path partial = path + kPartial;
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(partial, ec);
      throw write_error(path);
    }
  }
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (ec) throw std::runtime_error(path + ": cannot write (" + ec.message() + ")");
}

void write_manifest(const std::string& dir, const Manifest& m) {
  write_file_atomically((fs::path(dir) / kManifestFile).string(), manifest_json(m));
}

ShardResult Sharder::run(const std::vector<std::string>& inputs) {
  if (options_.parts == 0) throw std::invalid_argument("--parts must be at least 1");
  const fs::path dir = options_.dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw std::runtime_error(dir.string() + ": cannot create the folder (" + ec.message() + ")");

  ShardResult result;
  Scratch scratch;
  // Pass 1: every document as its shard line, in input order, into a spool file; its id, hash
  // and text size in memory.
  const fs::path spool = scratch.add(dir / (std::string(".spool.jsonl") + kPartial));
  std::vector<std::string> ids, hashes;
  std::vector<uint64_t> sizes;
  std::vector<bool> kept;
  std::unordered_map<std::string, uint32_t> last;  // id → its latest document
  {
    std::ofstream out(spool, std::ios::binary | std::ios::trunc);
    if (!out) throw write_error(spool);
    for (const auto& path : inputs) {
      std::vector<io::InputIssue> issues;
      io::read_documents(
          path, options_.read,
          [&](coding::Document&& d) {
            ++result.read;
            std::string line = io::document_json(d);
            coding::Document back = reread(line);
            const auto n = static_cast<uint32_t>(ids.size());
            auto [it, fresh] = last.try_emplace(back.id, n);
            if (!fresh) {
              kept[it->second] = false;
              ++result.replaced;
              issues.push_back({path == "-" ? "stdin" : path,
                                "document id '" + back.id +
                                    "' occurs again; its earlier version is left out (as ingest would replace it)",
                                false});
              it->second = n;
            }
            ids.push_back(back.id);
            hashes.push_back(store::document_hash(back));
            sizes.push_back(back.text.size());
            kept.push_back(true);
            out << line << '\n';
          },
          issues);
      for (const auto& i : issues) {
        result.input_problems += i.skipped;
        if (issue_) issue_(i);
      }
    }
    out.close();
    if (!out) throw write_error(spool);
  }
  last.clear();

  // The plan, over the documents kept.
  std::vector<uint64_t> kept_sizes;
  for (std::size_t i = 0; i < sizes.size(); ++i)
    if (kept[i]) kept_sizes.push_back(sizes[i]);
  std::vector<uint32_t> plan = balance_shards(kept_sizes, options_.parts);

  // Pass 2: the spool's lines to their shards, in input order.
  result.manifest.inputs = inputs;
  for (uint32_t k = 0; k < options_.parts; ++k)
    result.manifest.shards.push_back({k, shard_file_name(k), shard_ids_file_name(k), 0, 0});
  {
    ShardFiles files(dir, options_.parts, options_.buffer_bytes, scratch);
    std::ifstream in(spool, std::ios::binary);
    std::string line;
    std::size_t next_kept = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!std::getline(in, line))
        throw std::runtime_error(spool.string() + ": cannot read back the spooled documents");
      if (!kept[i]) continue;
      uint32_t k = plan[next_kept++];
      ShardInfo& s = result.manifest.shards[k];
      ++s.documents;
      s.bytes += sizes[i];
      files.add(k, line, shard_document_json({ids[i], hashes[i]}));
    }
    files.flush();
  }
  for (uint32_t k = 0; k < options_.parts; ++k)
    for (const auto& name : {shard_file_name(k), shard_ids_file_name(k)}) {
      fs::rename(dir / (name + kPartial), dir / name, ec);
      if (ec) throw std::runtime_error((dir / name).string() + ": cannot write (" + ec.message() + ")");
    }
  fs::remove(spool, ec);
  scratch.keep();
  return result;
}

}  // namespace faultline::cluster
