#include "cluster/manifest.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace faultline::cluster {
namespace {

using nlohmann::json;

std::runtime_error bad(const std::string& where, const std::string& what) {
  return std::runtime_error(where + ": " + what);
}

const json& field(const json& j, const char* key, json::value_t type, const std::string& where) {
  auto it = j.find(key);
  bool ok =
      it != j.end() && (it->type() == type || (type == json::value_t::number_unsigned && it->is_number_unsigned()));
  if (!ok) throw bad(where, std::string("missing or malformed \"") + key + "\" (not written by `faultline shard`?)");
  return *it;
}

}  // namespace

uint64_t Manifest::documents() const {
  uint64_t n = 0;
  for (const auto& s : shards) n += s.documents;
  return n;
}

uint64_t Manifest::bytes() const {
  uint64_t n = 0;
  for (const auto& s : shards) n += s.bytes;
  return n;
}

std::string shard_file_name(uint32_t index) { return "shard-" + std::to_string(index) + ".jsonl"; }
std::string shard_ids_file_name(uint32_t index) { return "shard-" + std::to_string(index) + ".ids.jsonl"; }

std::string manifest_json(const Manifest& m) {
  nlohmann::ordered_json j;
  j["format"] = "faultline-shards/1";
  j["parts"] = m.shards.size();
  j["documents"] = m.documents();
  j["bytes"] = m.bytes();
  j["inputs"] = m.inputs;
  auto& shards = j["shards"] = nlohmann::ordered_json::array();
  for (const auto& s : m.shards)
    shards.push_back(
        {{"shard", s.index}, {"file", s.file}, {"ids", s.ids_file}, {"documents", s.documents}, {"bytes", s.bytes}});
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string shard_document_json(const ShardDocument& d) {
  nlohmann::ordered_json j;
  j["id"] = d.id;
  j["hash"] = d.hash;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Manifest read_manifest(const std::string& dir) {
  const std::string path = (std::filesystem::path(dir) / kManifestFile).string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!std::filesystem::is_directory(dir))
      throw std::runtime_error(dir + ": no such folder (give the --out folder of `faultline shard`)");
    throw std::runtime_error(path + ": cannot open the shards' manifest (give the --out folder of `faultline shard`)");
  }
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& e) {
    throw bad(path, std::string("broken JSON (") + e.what() + ")");
  }
  if (!j.is_object() || j.value("format", "") != "faultline-shards/1")
    throw bad(path, "not a manifest of `faultline shard` (format faultline-shards/1)");
  Manifest m;
  for (const auto& i : field(j, "inputs", json::value_t::array, path))
    if (i.is_string()) m.inputs.push_back(i.get<std::string>());
  const auto& shards = field(j, "shards", json::value_t::array, path);
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const std::string where = path + ": shard " + std::to_string(k);
    const json& s = shards[k];
    if (!s.is_object()) throw bad(where, "not an object");
    ShardInfo info;
    info.index = field(s, "shard", json::value_t::number_unsigned, where).get<uint32_t>();
    if (info.index != k) throw bad(where, "shards are out of order");
    info.file = field(s, "file", json::value_t::string, where).get<std::string>();
    info.ids_file = field(s, "ids", json::value_t::string, where).get<std::string>();
    info.documents = field(s, "documents", json::value_t::number_unsigned, where).get<uint64_t>();
    info.bytes = field(s, "bytes", json::value_t::number_unsigned, where).get<uint64_t>();
    m.shards.push_back(std::move(info));
  }
  if (m.shards.empty()) throw bad(path, "no shards");
  return m;
}

std::vector<ShardDocument> read_shard_documents(const std::string& dir, const ShardInfo& shard) {
  const std::string path = (std::filesystem::path(dir) / shard.ids_file).string();
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error(path + ": cannot open shard " + std::to_string(shard.index) + "'s list of documents");
  std::vector<ShardDocument> docs;
  docs.reserve(shard.documents);
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string where = path + ":" + std::to_string(line_no);
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw bad(where, "broken line (expected {\"id\", \"hash\"})");
    docs.push_back({field(j, "id", json::value_t::string, where).get<std::string>(),
                    field(j, "hash", json::value_t::string, where).get<std::string>()});
  }
  if (docs.size() != shard.documents)
    throw bad(path, "lists " + std::to_string(docs.size()) + " document(s), the manifest says " +
                        std::to_string(shard.documents));
  return docs;
}

}  // namespace faultline::cluster
