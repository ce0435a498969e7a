// Everything the server answers from memory, read from the store once at start.
#pragma once

#include <malloc.h>

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
};

}  // namespace faultline::serve
