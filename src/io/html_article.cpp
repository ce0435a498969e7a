#include "io/html_article.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <regex>
#include <unordered_map>
#include <vector>

namespace faultline::io {

namespace {

using OutputPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

void destroy_output(GumboOutput* out) { gumbo_destroy_output(&kGumboDefaultOptions, out); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool is_tag(const GumboNode* node, GumboTag tag) { return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag; }

// Elements that never hold the article's text.
bool is_boilerplate(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      break;
  }
  static const std::regex kBoilerplateName(
      "(^|[-_ ])(nav|navbar|menu|footer|header|sidebar|comments?|share|sharing|social|related|"
      "advert|ads?|promo|cookies?|breadcrumbs?|subscribe|newsletter|popup|modal|banner|masthead|"
      "tags|byline-share|recirc|outbrain|taboola)([-_ ]|$)");
  for (const char* name : {"class", "id", "role"}) {
    const char* v = attribute(node, name);
    if (v && std::regex_search(lower(v), kBoilerplateName)) return true;
  }
  const char* hidden = attribute(node, "hidden");
  const char* aria = attribute(node, "aria-hidden");
  return hidden || (aria && lower(aria) == "true");
}

bool is_block(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_TD: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BR: case GUMBO_TAG_TABLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

// The visible text of a node, with blocks separated by newlines and runs of spaces collapsed.
void collect_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    for (const char* p = node->v.text.text; *p; ++p) {
      char c = *p;
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
      out.push_back(c);
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || is_boilerplate(node)) return;
  bool block = is_block(node);
  if (block && !out.empty() && out.back() != '\n') {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out.push_back('\n');
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) collect_text(static_cast<const GumboNode*>(children.data[i]), out);
  if (block && !out.empty() && out.back() != '\n') {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out.push_back('\n');
  }
}

std::string text_of(const GumboNode* node) {
  std::string s;
  collect_text(node, s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  return s;
}

// Paragraph-like children give their parent a score: their text length, more for sentences.
struct Scores {
  std::unordered_map<const GumboNode*, double> score;
  std::vector<const GumboNode*> order;  // first scored first: ties go to the earlier element
  void add(const GumboNode* n, double s) {
    auto [it, fresh] = score.emplace(n, 0.0);
    if (fresh) order.push_back(n);
    it->second += s;
  }
};

void score_paragraphs(const GumboNode* node, Scores& score) {
  if (node->type != GUMBO_NODE_ELEMENT || is_boilerplate(node)) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (is_tag(child, GUMBO_TAG_P) || is_tag(child, GUMBO_TAG_BLOCKQUOTE) || is_tag(child, GUMBO_TAG_PRE)) {
      std::string t = text_of(child);
      if (t.size() < 25) continue;
      double s = static_cast<double>(t.size()) + 40.0 * static_cast<double>(std::count(t.begin(), t.end(), '.'));
      score.add(node, s);
      if (node->parent) score.add(node->parent, s / 4);  // a wrapper one level up gets a share
    }
    score_paragraphs(child, score);
  }
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    if (auto* f = find_first(static_cast<const GumboNode*>(children.data[i]), tag)) return f;
  return nullptr;
}

void find_all(const GumboNode* node, GumboTag tag, std::vector<const GumboNode*>& out) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  if (node->v.element.tag == tag) out.push_back(node);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) find_all(static_cast<const GumboNode*>(children.data[i]), tag, out);
}

std::string iso_date_prefix(const char* v) {
  static const std::regex kDate(R"((\d{4})-(\d{2})-(\d{2}))");
  std::cmatch m;
  if (v && std::regex_search(v, m, kDate)) return m.str(0);
  return {};
}

// The publication date from common metadata: Open Graph / article tags, Dublin Core, schema.org,
// <time datetime> inside the article.
std::string page_date(const GumboNode* root) {
  std::vector<const GumboNode*> metas;
  find_all(root, GUMBO_TAG_META, metas);
  static const char* kNames[] = {"article:published_time", "og:published_time", "datepublished", "date",
                                 "dc.date", "dc.date.issued", "pubdate", "publishdate", "publication_date",
                                 "sailthru.date", "parsely-pub-date"};
  for (const char* wanted : kNames)
    for (const auto* m : metas) {
      const char* key = attribute(m, "property");
      if (!key) key = attribute(m, "name");
      if (!key) key = attribute(m, "itemprop");
      if (key && lower(key) == wanted) {
        if (auto d = iso_date_prefix(attribute(m, "content")); !d.empty()) return d;
      }
    }
  std::vector<const GumboNode*> times;
  find_all(root, GUMBO_TAG_TIME, times);
  for (const auto* t : times)
    if (auto d = iso_date_prefix(attribute(t, "datetime")); !d.empty()) return d;
  return {};
}

std::string page_title(const GumboNode* root) {
  std::vector<const GumboNode*> metas;
  find_all(root, GUMBO_TAG_META, metas);
  for (const auto* m : metas) {
    const char* key = attribute(m, "property");
    if (key && lower(key) == "og:title")
      if (const char* v = attribute(m, "content"); v && *v) return v;
  }
  if (const auto* h1 = find_first(root, GUMBO_TAG_H1)) {
    std::string t = text_of(h1);
    if (!t.empty()) return t;
  }
  if (const auto* title = find_first(root, GUMBO_TAG_TITLE)) return text_of(title);
  return {};
}

}  // namespace

bool looks_like_html(std::string_view content) {
  std::size_t i = 0;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // byte-order mark
  while (i < content.size() && std::isspace(static_cast<unsigned char>(content[i]))) ++i;
  std::string head = lower(content.substr(i, 512));
  return head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") ||
         head.starts_with("<body") || (head.starts_with("<!--") && head.find("<html") != std::string::npos);
}

HtmlArticle extract_article(const std::string& html) {
  OutputPtr out(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()), destroy_output);
  HtmlArticle a;
  const GumboNode* root = out->root;
  a.title = page_title(root);
  a.date = page_date(root);
  Scores scores;
  score_paragraphs(root, scores);
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const auto* node : scores.order)
    if (double s = scores.score[node]; s > best_score) {
      best = node;
      best_score = s;
    }
  if (!best) best = find_first(root, GUMBO_TAG_ARTICLE);
  if (!best) best = find_first(root, GUMBO_TAG_BODY);
  if (!best) best = root;
  // One paragraph per line, separated by blank lines, as the sentence splitter expects.
  std::string body = text_of(best);
  std::string text;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t nl = body.find('\n', start);
    std::string line = body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    while (!line.empty() && line.front() == ' ') line.erase(line.begin());
    if (!line.empty()) {
      if (!text.empty()) text += "\n\n";
      text += line;
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  a.text = std::move(text);
  return a;
}

}  // namespace faultline::io
