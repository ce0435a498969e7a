// The article inside a saved web page: its title, publication date and main text, without the
// navigation, scripts and boilerplate around it.
#pragma once

#include <string>
#include <string_view>

namespace faultline::io {

struct HtmlArticle {
  std::string title;
  std::string date;  // YYYY-MM-DD from the page's metadata, or empty
  std::string text;  // paragraphs separated by blank lines
};

// Whether `content` looks like an HTML document (a doctype or <html>/<head>/<body> near the start).
bool looks_like_html(std::string_view content);

// Parses `html` (valid UTF-8) with an HTML5 parser and extracts the article. The main text is the
// block of paragraphs with the most text, by a text-density score over the page's elements, after
// dropping scripts, styles, navigation, headers, footers, asides, forms and elements whose class
// or id names boilerplate (menu, share, related, comment, cookie, advert…).
HtmlArticle extract_article(const std::string& html);

}  // namespace faultline::io
