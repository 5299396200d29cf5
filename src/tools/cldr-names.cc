// cldr-names: write dictionaries/names/cldr.tsv (region and time-zone city
// names in en de fr es it ru uk) from the CLDR data built into ICU.
//
// Build and run (from the top of the work tree):
//   g++ -std=c++17 -O1 src/tools/cldr-names.cc $(pkg-config --cflags --libs icu-uc icu-i18n) -o /tmp/cldr-names
//   /tmp/cldr-names dictionaries/names/places.tsv > dictionaries/names/cldr.tsv
//
// Argument: the hand-written places table (optional). A region or city whose
// display name in some language equals (after folding) a canonical or accepted
// form of a hand-written row in that language is left out, so that one entity
// has one id. Cities in kSkipZones are always left out (hand-written rows
// cover them under another spelling).
//
// Output: the names table of dictionaries/README.md, kind "place":
//   cldr-region-XX       uloc_getISOCountries(); canonical = standard display
//                        name (uldn), accepted = CLDR "short" (uldn with
//                        UDISPCTX_LENGTH_SHORT) and "variant" (region bundle,
//                        table Countries%variant) names where they differ.
//   cldr-city-<tz slug>  canonical location zones; canonical = exemplar city
//                        (TimeZoneNames::getExemplarLocationName).
// A CLDR form "A (B)" where B is a second name ("Myanmar (Burma)") becomes
// canonical A, accepted B; where B is a qualifier ("(China)", "(САР)") the
// form is kept whole for regions and dropped for cities.
// Languages whose canonical+accepted forms are identical share one row
// (lang list such as "en,de,it"). Where CLDR has no exemplar city ICU falls
// back to the zone id ("Boise"): kept for the Latin-script languages, no row
// for ru and uk. Cities whose name equals a region name in the same language
// are dropped (Singapore, Kuwait, Monaco...), and so is a language row whose
// name two zones share.

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/udata.h>
#include <unicode/uldnames.h>
#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/uversion.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cldr-text.h"

namespace {

const char* const kLangs[] = {"en", "de", "fr", "es", "it", "ru", "uk"};
constexpr int kNumLangs = sizeof(kLangs) / sizeof(kLangs[0]);

// Zones covered by hand-written rows in places.tsv whose CLDR exemplar name
// in some language is a spelling the hand-written row does not list.
const char* const kSkipZones[] = {
    "Europe/Kiev",        // kyiv
    "Europe/Zaporozhye",  // zaporizhzhia
    "Europe/Uzhgorod",    // uzhhorod
    "Europe/Simferopol",  // simferopol
    "Europe/Moscow",      // moscow
    "Europe/Minsk",       // minsk
    "Europe/Chisinau",    // chisinau
    "Asia/Calcutta",      // kolkata
    "Asia/Rangoon",       // yangon
    "Asia/Saigon",        // ho-chi-minh-city
    "Asia/Shanghai",      // shanghai
    "Asia/Gaza",          // gaza-city
    "Asia/Jerusalem",     // jerusalem
};

using cldr_text::fold;
using cldr_text::split;
using cldr_text::utf8;

// lang -> folded forms of hand-written rows.
using FormSet = std::map<std::string, std::set<std::string>>;

FormSet read_places(const char* path) {
  FormSet forms;
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cldr-names: cannot read %s\n", path);
    std::exit(2);
  }
  cldr_text::each_row(in, [&](const std::vector<std::string>& f) {
    if (f.size() < 5) return;
    for (const std::string& lang : split(f[1], ',')) {
      forms[lang].insert(fold(f[3]));
      if (!f[4].empty())
        for (const std::string& a : split(f[4], '|')) forms[lang].insert(fold(a));
    }
  });
  return forms;
}

struct Names {
  std::string canonical;
  std::vector<std::string> accepted;
  std::string key() const {
    std::string k = canonical;
    for (const auto& a : accepted) k += "|" + a;
    return k;
  }
};

void add_accepted(Names& n, const std::string& form) {
  if (form.empty() || fold(form) == fold(n.canonical)) return;
  for (const auto& a : n.accepted)
    if (fold(a) == fold(form)) return;
  n.accepted.push_back(form);
}

bool has_parens(const std::string& s) {
  return s.find('(') != std::string::npos || s.find(')') != std::string::npos;
}

// CLDR writes some names as "A (B)". When B is a second name of the same
// place ("Myanmar (Burma)", "Yangón (Rangún)") return {A, B}. When B is a
// qualifier (a region name such as "(China)", an abbreviation such as
// "(САР)", a lowercase phrase such as "(partie néerlandaise)") return {s, ""}
// and let the caller decide. regions: folded region names of the language.
std::pair<std::string, std::string> split_alt(const std::string& s,
                                              const std::set<std::string>& regions) {
  size_t open = s.rfind(" (");
  if (open == std::string::npos || s.back() != ')') return {s, ""};
  std::string a = s.substr(0, open), b = s.substr(open + 2, s.size() - open - 3);
  if (has_parens(a) || has_parens(b) || b.find(' ') != std::string::npos) return {s, ""};
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(b);
  if (u.length() < 2 || !u_isupper(u.char32At(0)) || u_isupper(u.char32At(u.moveIndex32(0, 1))))
    return {s, ""};
  if (regions.count(fold(b))) return {s, ""};
  return {a, b};
}

// Region bundle string from a table such as "Countries%variant", or "".
std::string region_table_string(const char* lang, const char* table,
                                const char* code) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out;
  UResourceBundle* rb = ures_open(U_ICUDATA_NAME "-region",
                                  lang, &st);
  if (U_FAILURE(st)) return out;
  UResourceBundle* tb = ures_getByKey(rb, table, nullptr, &st);
  if (U_SUCCESS(st)) {
    int32_t len = 0;
    const UChar* v = ures_getStringByKey(tb, code, &len, &st);
    if (U_SUCCESS(st)) out = utf8(icu::UnicodeString(v, len));
  }
  ures_close(tb);
  ures_close(rb);
  return out;
}

std::string region_display(ULocaleDisplayNames* ldn, const char* code) {
  UChar buf[256];
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = uldn_regionDisplayName(ldn, code, buf, 256, &st);
  if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING) return "";
  return utf8(icu::UnicodeString(buf, len));
}

std::string slug(const std::string& in) {
  std::string out;
  for (char c : in) {
    unsigned char u = (unsigned char)c;
    if (u >= 'A' && u <= 'Z') out += (char)(u - 'A' + 'a');
    else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) out += (char)u;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// Print one entity: group languages with identical names into one row.
void emit(const std::string& id, const std::map<std::string, Names>& by_lang,
          const std::string& source) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const char* lang : kLangs) {
    auto it = by_lang.find(lang);
    if (it == by_lang.end()) continue;
    std::string k = it->second.key();
    bool found = false;
    for (auto& g : groups)
      if (g.first == k) { g.second.push_back(lang); found = true; break; }
    if (!found) groups.push_back({k, {lang}});
  }
  for (const auto& g : groups) {
    const Names& n = by_lang.at(g.second[0]);
    std::string langs, acc;
    for (const auto& l : g.second) langs += (langs.empty() ? "" : ",") + l;
    for (const auto& a : n.accepted) acc += (acc.empty() ? "" : "|") + a;
    std::cout << id << '\t' << langs << "\tplace\t" << n.canonical << '\t'
              << acc << "\t\t\t\t" << source << '\n';
  }
}

bool known(const FormSet& forms, const std::string& lang, const std::string& s) {
  auto it = forms.find(lang);
  return it != forms.end() && it->second.count(fold(s));
}

}  // namespace

int main(int argc, char** argv) {
  FormSet hand;
  if (argc > 1) hand = read_places(argv[1]);

  UVersionInfo cldr;
  UErrorCode st = U_ZERO_ERROR;
  ulocdata_getCLDRVersion(cldr, &st);
  char cldr_s[U_MAX_VERSION_STRING_LENGTH] = "?";
  if (U_SUCCESS(st)) u_versionToString(cldr, cldr_s);

  std::cout << "# Generated by src/tools/cldr-names.cc from ICU " U_ICU_VERSION
               " (CLDR " << cldr_s << "). Do not edit: rebuild instead.\n"
            << "# Regions: uloc_getISOCountries + display names; cities: "
               "time-zone exemplar cities.\n"
            << "id\tlang\tkind\tcanonical\taccepted\terrors\tgiven\tfamily\tsource\n";

  // ---- regions ----
  ULocaleDisplayNames* std_ldn[kNumLangs];
  ULocaleDisplayNames* short_ldn[kNumLangs];
  for (int i = 0; i < kNumLangs; i++) {
    UErrorCode s1 = U_ZERO_ERROR;
    std_ldn[i] = uldn_open(kLangs[i], ULDN_STANDARD_NAMES, &s1);
    UDisplayContext ctx[] = {UDISPCTX_LENGTH_SHORT};
    short_ldn[i] = uldn_openForContext(kLangs[i], ctx, 1, &s1);
    if (U_FAILURE(s1)) {
      std::fprintf(stderr, "cldr-names: uldn_open(%s): %s\n", kLangs[i], u_errorName(s1));
      return 4;
    }
  }
  FormSet region_forms;  // lang -> folded region names, to drop city clashes
  FormSet region_std;    // lang -> folded standard region names
  for (const char* const* cc = uloc_getISOCountries(); *cc; ++cc)
    for (int i = 0; i < kNumLangs; i++) {
      std::string name = region_display(std_ldn[i], *cc);
      if (!name.empty()) region_std[kLangs[i]].insert(fold(name));
    }
  int n_regions = 0, n_region_skipped = 0;
  for (const char* const* cc = uloc_getISOCountries(); *cc; ++cc) {
    const char* code = *cc;
    std::map<std::string, Names> by_lang;
    bool clash = false;
    for (int i = 0; i < kNumLangs; i++) {
      std::string name = region_display(std_ldn[i], code);
      if (name.empty() || name == code) continue;  // no CLDR name
      Names n;
      auto parts = split_alt(name, region_std[kLangs[i]]);
      n.canonical = parts.first;
      add_accepted(n, parts.second);
      std::string sh = region_display(short_ldn[i], code);
      if (!has_parens(sh)) add_accepted(n, sh);
      std::string var = region_table_string(kLangs[i], "Countries%variant", code);
      if (!has_parens(var)) add_accepted(n, var);
      if (known(hand, kLangs[i], n.canonical)) clash = true;
      by_lang[kLangs[i]] = n;
    }
    if (by_lang.empty()) continue;
    if (clash) { n_region_skipped++; continue; }
    for (const auto& p : by_lang) {
      region_forms[p.first].insert(fold(p.second.canonical));
      for (const auto& a : p.second.accepted) region_forms[p.first].insert(fold(a));
    }
    std::string id = std::string("cldr-region-") + slug(code);
    emit(id, by_lang,
         std::string("ICU " U_ICU_VERSION " CLDR ") + cldr_s +
             " region display name for " + code + " (uloc_getISOCountries)" +
             "; accepted: CLDR short/variant names");
    n_regions++;
  }
  for (int i = 0; i < kNumLangs; i++) {
    uldn_close(std_ldn[i]);
    uldn_close(short_ldn[i]);
  }

  // ---- time-zone exemplar cities ----
  std::set<std::string> skip(std::begin(kSkipZones), std::end(kSkipZones));
  std::unique_ptr<icu::TimeZoneNames> tzn[kNumLangs];
  for (int i = 0; i < kNumLangs; i++) {
    UErrorCode s1 = U_ZERO_ERROR;
    tzn[i].reset(icu::TimeZoneNames::createInstance(icu::Locale(kLangs[i]), s1));
    if (U_FAILURE(s1)) {
      std::fprintf(stderr, "cldr-names: TimeZoneNames(%s): %s\n", kLangs[i], u_errorName(s1));
      return 4;
    }
  }
  st = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
      UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, st));
  if (U_FAILURE(st)) {
    std::fprintf(stderr, "cldr-names: zone enumeration: %s\n", u_errorName(st));
    return 4;
  }
  int n_cities = 0, n_city_skipped = 0;
  // First pass: collect, to find names shared by two zones in one language.
  struct City { std::string tz; std::map<std::string, Names> by_lang; };
  std::vector<City> cities;
  std::map<std::string, std::map<std::string, int>> name_count;  // lang -> fold -> n
  const icu::UnicodeString* z;
  while ((z = zones->snext(st)) != nullptr && U_SUCCESS(st)) {
    std::string tz = utf8(*z);
    if (skip.count(tz)) { n_city_skipped++; continue; }
    // ICU's fallback when CLDR has no exemplar: last id segment, '_' -> ' '.
    std::string last = tz.substr(tz.rfind('/') + 1);
    for (char& c : last) if (c == '_') c = ' ';
    City city{tz, {}};
    bool clash = false;
    for (int i = 0; i < kNumLangs; i++) {
      icu::UnicodeString name;
      tzn[i]->getExemplarLocationName(*z, name);
      std::string s = utf8(name);
      if (s.empty()) continue;
      Names n;
      auto parts = split_alt(s, region_std[kLangs[i]]);
      std::string a = parts.first, b = parts.second;
      if (has_parens(a)) continue;
      n.canonical = a;
      add_accepted(n, b);
      // ICU falls back to the Latin id segment where CLDR has no exemplar
      // city; that is no Russian or Ukrainian name, so those get no row.
      std::string lang = kLangs[i];
      if (s == last && (lang == "ru" || lang == "uk")) continue;
      if (known(hand, kLangs[i], a) || known(hand, kLangs[i], b.empty() ? a : b)) clash = true;
      city.by_lang[kLangs[i]] = n;
    }
    if (clash) { n_city_skipped++; continue; }
    for (auto it = city.by_lang.begin(); it != city.by_lang.end();) {
      auto rf = region_forms.find(it->first);
      if (rf != region_forms.end() && rf->second.count(fold(it->second.canonical)))
        it = city.by_lang.erase(it);
      else
        ++it;
    }
    if (city.by_lang.empty()) { n_city_skipped++; continue; }
    for (const auto& p : city.by_lang) name_count[p.first][fold(p.second.canonical)]++;
    cities.push_back(std::move(city));
  }
  for (City& c : cities) {
    // Two zones with one name in a language (e.g. two places called the
    // same): the name cannot identify either, so neither gets that row.
    for (auto it = c.by_lang.begin(); it != c.by_lang.end();) {
      if (name_count[it->first][fold(it->second.canonical)] > 1)
        it = c.by_lang.erase(it);
      else
        ++it;
    }
    if (c.by_lang.empty()) { n_city_skipped++; continue; }
    emit("cldr-city-" + slug(c.tz), c.by_lang,
         std::string("ICU " U_ICU_VERSION " CLDR ") + cldr_s +
             " time-zone exemplar city for " + c.tz);
    n_cities++;
  }
  std::fprintf(stderr, "cldr-names: %d regions (%d skipped), %d cities (%d skipped)\n",
               n_regions, n_region_skipped, n_cities, n_city_skipped);
  u_cleanup();
  return 0;
}
