// cldr-text.h - text helpers shared by the generators cldr-names.cc and
// cldr-foreign.cc (header-only: each tool builds from one .cc file).
#ifndef TQL_TOOLS_CLDR_TEXT_H
#define TQL_TOOLS_CLDR_TEXT_H

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <functional>
#include <istream>
#include <sstream>
#include <string>
#include <vector>

namespace cldr_text {

inline std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Folded key: NFD, drop non-spacing marks, case-fold, hyphens and
// apostrophes to spaces, collapse spaces. Mirrors the README's matching rule.
inline std::string fold(const std::string& in) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(in);
  icu::UnicodeString d;
  if (U_SUCCESS(st)) nfd->normalize(s, d, st);
  if (U_FAILURE(st)) d = s;
  icu::UnicodeString r;
  bool space = true;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isWhitespace(c) || c == '-' || c == 0x2010 || c == 0x2011 ||
        c == 0x2013 || c == '\'' || c == 0x2019 || c == 0x02BC ||
        c == '.') {
      if (!space) r.append((UChar)' ');
      space = true;
      continue;
    }
    r.append(c);
    space = false;
  }
  r.trim();
  r.foldCase();
  return utf8(r);
}

inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.push_back("");
  return out;
}

// Calls row() with the fields of each data row of a names table (after
// its comment lines and its header line).
inline void each_row(std::istream& in, const std::function<void(const std::vector<std::string>&)>& row) {
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) { header = false; continue; }
    row(split(line, '\t'));
  }
}

}  // namespace cldr_text

#endif
