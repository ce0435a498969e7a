// Full-text terms for the PostgreSQL store, cut and folded as SQLite's FTS5 `unicode61`
// tokenizer (with remove_diacritics) cuts and folds them: a term is a run of letters, digits and
// private-use characters, lower-cased and without accents. Building the tsvector and tsquery here
// rather than with a text search configuration keeps search results the same on both backends,
// whatever the server's locale or installed dictionaries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace faultline::store {

// The terms of a text, in order.
std::vector<std::string> fts_terms(std::string_view text);

// A tsvector literal ("'word':1 'other':2 …") for the terms of `text`, with their positions.
std::string tsvector_literal(std::string_view text);

// A tsquery literal for a --text search: each whitespace-separated word is a phrase of its terms
// (as FTS5 reads a quoted word), and every word is required. "" when no word has a term.
std::string tsquery_literal(std::string_view words);

}  // namespace faultline::store
