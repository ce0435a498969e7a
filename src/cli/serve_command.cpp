// `faultline serve`: the web page and JSON API over a store (docs/serve.md).
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <regex>
#include <thread>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "serve/http_server.h"
#include "serve/new_actor_list.h"
#include "serve/snapshot.h"

#ifndef FAULTLINE_WEB_DIR
#define FAULTLINE_WEB_DIR "web"
#endif

namespace faultline::cli {
namespace {

struct ServeOptions {
  DbOption db;
  PackOptions packs;  // for /api/new-actors: the names they know are not new
  serve::ServerOptions server;
  std::string web_dir;
};

// The asset folder: --web-dir, else $FAULTLINE_WEB, else the build's folder.
std::string web_dir(const ServeOptions& o) {
  if (!o.web_dir.empty()) return o.web_dir;
  if (const char* env = std::getenv("FAULTLINE_WEB"); env && *env) return env;
  return FAULTLINE_WEB_DIR;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// Stops the server on SIGINT/SIGTERM: a thread waits for the signal, so that nothing beyond
// sigwait runs in signal context.
class SignalStop {
 public:
  explicit SignalStop(serve::HttpServer& server) {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);  // before other threads start: they inherit it
    thread_ = std::thread([this, &server] {
      int sig = 0;
      sigwait(&set_, &sig);
      if (sig == SIGUSR1) return;  // our own wake-up at exit
      std::cerr << "faultline serve: stopping\n";
      server.stop();
    });
  }
  ~SignalStop() {
    pthread_kill(thread_.native_handle(), SIGUSR1);
    thread_.join();
  }
  SignalStop(const SignalStop&) = delete;
  SignalStop& operator=(const SignalStop&) = delete;

 private:
  sigset_t set_;
  std::thread thread_;
};

// The store as /api/meta names it to any client: the file's or database's name, never the
// server's folders, host or user.
std::string public_name(const std::string& location) {
  if (store::is_postgres_url(location)) {
    std::string name = location.substr(location.find_last_of('/') + 1);
    return name.substr(0, name.find('?'));
  }
  return std::filesystem::path(location).filename().string();
}

// An origin for --cors: scheme://host[:port], nothing after (a browser's Origin header is exactly this).
CLI::Validator cors_origin() {
  return CLI::Validator(
      [](std::string& v) -> std::string {
        static const std::regex origin(R"(https?://[A-Za-z0-9.\-\[\]:]+)");
        if (std::regex_match(v, origin)) return "";
        return "--cors takes one origin such as http://localhost:8888 (scheme://host[:port], no path, no *), not '" +
               v + "'";
      },
      "ORIGIN");
}

int run_serve(const ServeOptions& o) {
  const std::string dir = web_dir(o);
  if (!std::filesystem::is_regular_file(std::filesystem::path(dir) / "index.html"))
    std::cerr << "faultline serve: warning: no index.html in " << dir
              << " (build the page with scripts/setup.sh, or give --web-dir); the API works without it\n";
  else if (!std::filesystem::is_regular_file(std::filesystem::path(dir) / "vendor" / "leaflet.js"))
    std::cerr << "faultline serve: warning: the page's libraries are missing from " << dir
              << "/vendor (run scripts/setup.sh, which installs them with npm)\n";

  const auto start = std::chrono::steady_clock::now();
  auto s = o.db.open();
  serve::Snapshot snapshot;
  snapshot.load(*s);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "faultline serve: loaded " << snapshot.events.size() << " events from " << o.db.shown() << " in " << secs
            << " s\n";

  // A connection per request thread, so that requests read the store side by side, and one more
  // for building the word index meanwhile.
  const std::string location = o.db.path;
  serve::StorePool store(std::move(s), [&location] { return store::open_store(location, false); },
                         static_cast<std::size_t>(o.server.threads));
  snapshot.load_words(store::open_store(location, false));
  serve::NewActorList new_actors([packs = o.packs] { return packs.load(); });
  serve::ApiContext api{snapshot.events, snapshot.actors, store, public_name(o.db.path), new_actors};
  serve::HttpServer server(api, serve::StaticFiles(dir), o.server);
  SignalStop stop_on_signal(server);
  if (!server.bind()) {
    std::cerr << "faultline serve: cannot listen on " << o.server.host << ":" << o.server.port
              << " (is the port taken? try --port)\n";
    return 2;
  }
  if (!is_loopback(o.server.host))
    std::cerr << "faultline serve: warning: listening on " << o.server.host
              << ", reachable from other machines; the API has no authentication\n";
  const std::string host = o.server.host.find(':') != std::string::npos ? "[" + o.server.host + "]" : o.server.host;
  std::cout << "Faultline is serving " << o.db.shown() << " at http://" << host << ":" << server.port() << "/" << std::endl;
  return server.run() ? 0 : 2;
}

}  // namespace

void add_serve_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web page and the JSON API over a store (read-only)");
  cmd->footer(
      "Loads the store's events into memory, then serves the page at / and the API under /api/\n"
      "(docs/serve.md) until interrupted. Bound to loopback unless --host says otherwise. The\n"
      "database is only read; restart the server to see what a later ingest added.");
  opts->db.add_to(*cmd);
  opts->packs.add_to(*cmd);
  cmd->add_option("--host", opts->server.host, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", opts->server.port, "Port (default 8080; 0 = any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--web-dir", opts->web_dir, "The page's folder (default: $FAULTLINE_WEB, else the build's web/)");
  cmd->add_option("--rate-limit", opts->server.rate_limit,
                  "API requests a second per client address (default 50; 0 = no limit)")
      ->check(CLI::Range(0.0, 1e6));
  cmd->add_option("--burst", opts->server.rate_burst, "Requests a client may make at once (default 100)")
      ->check(CLI::Range(1.0, 1e6));
  cmd->add_option("--threads", opts->server.threads, "Request threads (default 8)")->check(CLI::Range(1, 256));
  cmd->add_flag("--log", opts->server.access_log, "Log each request on standard error");
  cmd->add_option("--cors", opts->server.cors_origin,
                  "Let pages of this origin read the API (Access-Control-Allow-Origin); off by default")
      ->check(cors_origin());
  cmd->callback([opts, &action] { action = [opts] { return run_serve(*opts); }; });
}

}  // namespace faultline::cli
