// libFuzzer target: HTTP requests answered in memory by the real server of
// `faultline serve` (httplib's request parsing, our pre-routing checks, routes,
// query parameters and every endpoint), over a store of
// examples/sahel_reports.jsonl ingested once at start. An input that starts
// with '/' is a request target (path and query), sent as a GET with ordinary
// headers, so that mutations stay in the URL; any other input is a whole raw
// request. Checks on every answer: a complete HTTP response; never 5xx (an
// exception the handlers did not expect); every error but a page-file 404 is a
// JSON error object with the response's status; a JSON 200 parses; nothing
// outside the asset folder is ever served.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "graph/pack_facts.h"
#include "lexicon/lexicon.h"
#include "serve/http_server.h"
#include "serve/new_actor_list.h"
#include "serve/snapshot.h"
#include "serve/store_pool.h"
#include "store/ingest.h"

namespace {

namespace fs = std::filesystem;
using namespace faultline;

constexpr const char* kSecret = "FUZZ-SECRET-OUTSIDE-THE-ASSET-FOLDER";

[[noreturn]] void fail(const std::string& why, const std::string& request, const std::string& response) {
  std::fprintf(stderr, "fuzz_serve: %s\n--- request ---\n%s\n--- response ---\n%.2000s\n", why.c_str(), request.c_str(),
               response.c_str());
  std::abort();
}

void write_file(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// The server and everything it answers from, built once; the temporary folder
// goes at exit.
struct Fixture {
  fs::path dir;
  serve::Snapshot snapshot;
  std::unique_ptr<serve::StorePool> store;
  std::unique_ptr<serve::NewActorList> new_actors;
  std::unique_ptr<serve::ApiContext> api;
  std::unique_ptr<serve::HttpServer> server;

  Fixture() {
    std::string tmpl = (fs::temp_directory_path() / "fuzz_serve.XXXXXX").string();
    if (!mkdtemp(tmpl.data())) std::abort();
    dir = tmpl;
    const std::string root = FAULTLINE_PACK_DIR;
    const std::vector<std::string> packs{root + "/core", root + "/geo", root + "/sahel"};
    auto lex = lexicon::Lexicon::load(packs);
    auto facts = graph::load_pack_facts(lex, packs);
    auto s = store::open_store((dir / "store.db").string(), true);
    store::IngestOptions options;
    options.jobs = 1;
    store::Ingester(*s, lex, facts, options).run({FAULTLINE_SOURCE_DIR "/examples/sahel_reports.jsonl"}, 0);
    snapshot.load(*s);
    snapshot.events.load_words(*s, std::stop_token());  // now, not on a thread: every input sees it
    if (snapshot.events.size() == 0) std::abort();      // a fuzzer over an empty store tests little

    // The asset folder, with a file beside it and a link out of it that must
    // never be served.
    fs::create_directories(dir / "web" / "vendor");
    write_file(dir / "web" / "index.html", "<!doctype html><title>Faultline</title>\n");
    write_file(dir / "web" / "app.js", "console.log('faultline');\n");
    write_file(dir / "web" / "vendor" / "lib.css", "body{}\n");
    write_file(dir / "secret.txt", kSecret);
    fs::create_symlink(dir / "secret.txt", dir / "web" / "link.txt");

    const std::string path = (dir / "store.db").string();
    store = std::make_unique<serve::StorePool>(
        std::move(s), [path] { return store::open_store(path, false); }, 1);
    new_actors = std::make_unique<serve::NewActorList>([packs] { return lexicon::Lexicon::load(packs); });
    api = std::make_unique<serve::ApiContext>(
        serve::ApiContext{snapshot.events, snapshot.actors, *store, (dir / "store.db").string(), *new_actors});
    serve::ServerOptions o;
    o.rate_limit = 0;  // every input comes from one address
    server = std::make_unique<serve::HttpServer>(*api, serve::StaticFiles(dir / "web"), o);
  }
  ~Fixture() {
    server.reset();
    store.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

std::string header_value(const std::string& head, const std::string& name) {
  std::string lower = head;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto at = lower.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return head.substr(at, head.find("\r\n", at) - at);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const bool url = !input.empty() && input[0] == '/';
  const std::string request = url ? "GET " + input +
                                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nUser-Agent: "
                                        "fuzz\r\n\r\n"
                                  : input;
  const std::string response = fixture().server->answer(request);
  if (response.empty()) {
    if (url) fail("no response to a request line", request, response);
    return 0;  // no request line arrived (empty input): nothing to answer, as on
               // a socket
  }

  if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) fail("not an HTTP response", request, response);
  const int status = std::atoi(response.substr(9, 3).c_str());
  if (status < 100 || status > 599) fail("bad status", request, response);
  if (status >= 500) fail("server error", request, response);
  const auto head_end = response.find("\r\n\r\n");
  if (head_end == std::string::npos) fail("headers not terminated", request, response);
  const std::string head = response.substr(0, head_end);
  const std::string body = response.substr(head_end + 4);
  const std::string type = header_value(head, "content-type");
  const bool is_json = type.rfind("application/json", 0) == 0;
  // The secret file (secret.txt, and web/link.txt to it) would be served as text/plain. A JSON
  // answer may quote the request, and the fuzzer learns the secret from this very comparison
  // (its CMP tracing), so only a non-JSON body that holds it counts as a leak.
  if (!is_json && body.find(kSecret) != std::string::npos)
    fail("a file outside the asset folder was served", request, response);
  if (is_json && !body.empty()) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) fail("a JSON answer that does not parse", request, response);
    if (status >= 400) {
      if (!j.contains("error") || j["error"].value("status", 0) != status || j["error"].value("message", "").empty())
        fail("an error without a JSON error object of its status", request, response);
    }
  }
  // Only a page file that is not there may answer a plain-text 404; every other
  // error is JSON. (HEAD answers have no body; a request that names another
  // method gets 405 as JSON.)
  const bool head_request = request.rfind("HEAD ", 0) == 0;
  if (status >= 400 && status != 404 && !head_request && !is_json)
    fail("an error that is not a JSON error", request, response);
  return 0;
}
