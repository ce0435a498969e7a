// The store's new-actor candidates (discover/candidates.h) for /api/new-actors, found on the first
// request and kept: finding them reads every event and loads the packs, too much for each request,
// and the server's store does not change while it runs. The packs are loaded for that and let go.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "discover/candidates.h"
#include "lexicon/lexicon.h"
#include "serve/store_pool.h"

namespace faultline::serve {

struct NewActors {
  std::vector<discover::Candidate> candidates;  // all of them (one document or more), most documented first
  std::size_t documents = 0;                    // the store's documents, all read
};

class NewActorList {
 public:
  // `load_packs` loads the packs to recognise names with (throws lexicon::PackError).
  explicit NewActorList(std::function<lexicon::Lexicon()> load_packs) : load_packs_(std::move(load_packs)) {}

  // The candidates, found with a connection of `store` on the first call (later callers wait for
  // it). A failure is not kept: the next call tries again.
  const NewActors& get(StorePool& store) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!found_) {
      const auto lex = load_packs_();
      found_ = store.with([&](store::Store& s) {
        auto out = std::make_unique<NewActors>();
        out->candidates = discover::find_candidates(s, lex, discover::Options{});
        out->documents = s.counts().documents;
        return out;
      });
    }
    return *found_;
  }

 private:
  std::function<lexicon::Lexicon()> load_packs_;
  std::mutex mutex_;
  std::unique_ptr<const NewActors> found_;
};

}  // namespace faultline::serve
