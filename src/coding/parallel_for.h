// Runs independent pieces of work on several threads. Coding is the pipeline's costly stage and
// documents are independent, so `code` and `ingest` hand a batch of documents to this and keep
// the batch's order in their output: the result is the same whatever the number of threads.
#pragma once

#include <cstddef>
#include <functional>

namespace faultline::coding {

// One thread per core the machine reports (at least one).
unsigned default_threads();

// Calls work(i) once for every i in [0, n), on up to `threads` threads (the calling thread is one
// of them); each thread takes the next unclaimed index, so slow documents do not hold up the rest.
// Returns when all calls have; rethrows the first exception any call threw, after the others end.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work);

}  // namespace faultline::coding
