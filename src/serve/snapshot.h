// Everything the server answers from memory, read from the store at start: the events' index and
// the actors. The word index is built on a thread of its own after that (load_words), so that the
// server answers while it is built; filters with words wait for it.
#pragma once

#include <malloc.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <stop_token>
#include <thread>

#include "serve/actor_catalog.h"
#include "serve/event_index.h"
#include "store/store.h"

namespace faultline::serve {

struct Snapshot {
  EventIndex events;
  ActorCatalog actors;
  void load(store::Store& s) {
    events.load(s);
    actors.load(s, events);  // after the events: it counts their actors
    malloc_trim(0);           // give back what loading needed only for a while
  }
  // Builds the word index from `s` (a connection of its own) on another thread.
  void load_words(std::unique_ptr<store::Store> s) {
    words_thread_ = std::jthread([this, s = std::move(s)](std::stop_token stop) {
      try {
        const auto start = std::chrono::steady_clock::now();
        events.load_words(*s, stop);
        malloc_trim(0);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "faultline serve: word index ready in " << secs << " s\n";
      } catch (const std::exception& e) {
        if (!stop.stop_requested()) std::cerr << "faultline serve: no word search: " << e.what() << "\n";
      }
    });
  }

 private:
  std::jthread words_thread_;  // last: stopped and joined before the index it fills is destroyed
};

}  // namespace faultline::serve
