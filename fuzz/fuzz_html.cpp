// libFuzzer target: arbitrary bytes (repaired to UTF-8) as a saved web page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "io/html_article.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  std::string html = faultline::text::repair_utf8(std::string(reinterpret_cast<const char*>(data), size), nullptr);
  auto article = faultline::io::extract_article(html);
  (void)faultline::io::looks_like_html(html);
  // The property: extraction never invents text. libFuzzer ignores return values, so a broken
  // property must abort to be reported.
  if (article.text.size() > html.size() * 4 + 64) std::abort();
  return 0;
}
