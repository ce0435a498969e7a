#include "io/documents.h"

#include "io/html_article.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "text/utf8.h"

namespace faultline::io {
namespace {

constexpr int kMaxJsonDepth = 32;

bool valid_date(const std::string& s) {
  static const std::regex re(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(s, re)) return false;
  int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] &&
         !(m == 2 && d == 29 && (std::stoi(s.substr(0, 4)) % 4 != 0));
}

// Nesting depth of a JSON text, counted outside strings; stops early past the limit.
int json_depth(const std::string& s) {
  int depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > kMaxJsonDepth) return max_depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

std::string describe_repair(const text::RepairReport& r) {
  std::ostringstream os;
  bool first = true;
  auto part = [&](const std::string& s) {
    os << (first ? "" : "; ") << s;
    first = false;
  };
  if (r.invalid_bytes)
    part("invalid UTF-8 (" + std::to_string(r.invalid_bytes) + " byte(s), first at byte " + std::to_string(r.first_invalid + 1) +
         ") read as Windows-1252");
  if (r.mojibake_repaired) part("repaired " + std::to_string(r.mojibake_repaired) + " double-encoded character(s) (e.g. \"Ã©\" → \"é\")");
  if (r.nul_bytes) part("dropped " + std::to_string(r.nul_bytes) + " NUL/control byte(s)");
  return os.str();
}

std::string stem(const std::string& path) {
  if (path == "-") return "stdin";
  return std::filesystem::path(path).stem().string();
}

bool looks_like_jsonl(const std::string& path, std::istream& in) {
  auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return true;
  // Peek at the first non-space character.
  while (in.good()) {
    int c = in.peek();
    if (c == EOF) return false;
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      in.get();
      continue;
    }
    return c == '{';
  }
  return false;
}

// No news article comes near this; a bigger "document" is a dump or junk, and coding it whole
// would hold the run for minutes.
constexpr std::size_t kMaxDocumentBytes = 16u << 20;

std::string too_big(std::size_t bytes) {
  return "document of " + std::to_string(bytes >> 20) + " MB is larger than the " +
         std::to_string(kMaxDocumentBytes >> 20) + " MB limit (split it into articles)";
}

void read_jsonl(std::istream& in, const std::string& name, const std::function<void(coding::Document&&)>& sink,
                std::vector<InputIssue>& issues) {
  std::string raw;
  std::size_t line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string where = name + ":" + std::to_string(line_no);
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw.find_first_not_of(" \t") == std::string::npos) continue;
    if (raw.size() > kMaxDocumentBytes) {
      issues.push_back({where, too_big(raw.size()) + "; line skipped", true});
      continue;
    }
    text::RepairReport rep;
    std::string line = text::repair_utf8(raw, &rep);
    if (json_depth(line) > kMaxJsonDepth) {
      issues.push_back({where, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels; line skipped", true});
      continue;
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {  // parse errors, number overflow ("1e999")
      std::string what = e.what();
      if (auto at = what.find("parse error"); at != std::string::npos) what = what.substr(at);
      else if (auto br = what.find("] "); what.starts_with("[json.exception") && br != std::string::npos)
        what = what.substr(br + 2);
      issues.push_back({where, "broken JSON (" + what + "); line skipped", true});
      continue;
    }
    if (!j.is_object()) {
      issues.push_back({where, "expected a JSON object with \"id\" and \"text\"; line skipped", true});
      continue;
    }
    coding::Document d;
    auto id = j.find("id");
    if (id == j.end() || !(id->is_string() || id->is_number_integer() || id->is_number_unsigned())) {
      issues.push_back({where, "missing or non-string \"id\"; line skipped", true});
      continue;
    }
    d.id = id->is_string() ? id->get<std::string>() : id->dump();
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) {
      issues.push_back({where, "missing or non-string \"text\" in document '" + d.id + "'; line skipped", true});
      continue;
    }
    d.text = text->get<std::string>();
    // A document's text may itself carry double-encoded characters inside valid JSON escapes.
    text::RepairReport inner;
    d.text = text::repair_utf8(d.text, &inner);
    rep.mojibake_repaired += inner.mojibake_repaired;
    rep.nul_bytes += inner.nul_bytes;
    auto str = [&](const char* key) -> std::string {
      auto it = j.find(key);
      return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
    };
    d.date = str("date");
    if (!d.date.empty() && !valid_date(d.date)) {
      issues.push_back({where, "date '" + d.date + "' is not a valid YYYY-MM-DD date; ignored", false});
      d.date.clear();
    }
    d.title = str("title");
    d.lang = str("lang");
    d.source = str("source");
    d.url = str("url");
    if (rep.changed()) issues.push_back({where, describe_repair(rep), false});
    sink(std::move(d));
  }
}

void read_text(std::istream& in, const std::string& path, const ReadOptions& options,
               const std::function<void(coding::Document&&)>& sink, std::vector<InputIssue>& issues) {
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string raw = buf.str();
  std::string where = path == "-" ? "stdin" : path;
  if (raw.size() > kMaxDocumentBytes) {
    issues.push_back({where, too_big(raw.size()) + "; skipped", true});
    return;
  }
  std::size_t zeros = std::count(raw.begin(), raw.end(), '\0');
  if (zeros > 0 && zeros * 100 > raw.size()) {
    issues.push_back({where, "looks like a binary file (NUL bytes), not text; skipped", true});
    return;
  }
  text::RepairReport rep;
  coding::Document d;
  d.text = text::repair_utf8(raw, &rep);
  if (rep.invalid_bytes * 10 > raw.size() && raw.size() > 64) {
    issues.push_back({where, "looks like a binary file (mostly invalid UTF-8), not text; skipped", true});
    return;
  }
  if (rep.changed()) issues.push_back({where, describe_repair(rep), false});
  d.id = stem(path);
  d.date = options.default_date;
  auto ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || looks_like_html(d.text)) {
    HtmlArticle article = extract_article(d.text);
    if (article.text.empty()) {
      issues.push_back({where, "HTML page without article text; skipped", true});
      return;
    }
    d.text = std::move(article.text);
    d.title = std::move(article.title);
    if (!article.date.empty()) d.date = std::move(article.date);  // the page's own date wins over --date
  }
  sink(std::move(d));
}

}  // namespace

bool read_documents(const std::string& path, const ReadOptions& options,
                    const std::function<void(coding::Document&&)>& sink, std::vector<InputIssue>& issues) {
  std::ifstream file;
  std::istream* in = &std::cin;
  std::string name = path == "-" ? "stdin" : path;
  if (path != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      issues.push_back({name, "is a folder, not a file", true});
      return false;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      issues.push_back({name, "cannot open file", true});
      return false;
    }
    in = &file;
  }
  read_documents(*in, path, options, sink, issues);
  return true;
}

void read_documents(std::istream& in, const std::string& path, const ReadOptions& options,
                    const std::function<void(coding::Document&&)>& sink, std::vector<InputIssue>& issues) {
  std::string name = path == "-" ? "stdin" : path;
  if (looks_like_jsonl(path, in))
    read_jsonl(in, name, sink, issues);
  else
    read_text(in, path, options, sink, issues);
}

}  // namespace faultline::io
