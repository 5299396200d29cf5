// cldr-foreign: write dictionaries/names/cldr-foreign.tsv, the names of
// countries and time-zone cities in languages that machine translation often
// translates from (Turkish, Polish, Portuguese, Dutch, Serbian...), from the
// CLDR data built into ICU. A news text translated from one of them can keep
// the source language's name ("Cenevre", "Kıbrıs", "Lefkoşa", "Den Haag",
// "Београд"); these rows let the names check recognise such a form as the
// entity's name in another language.
//
// Build and run (from the top of the work tree, after cldr.tsv is current):
//   g++ -std=c++17 -O1 src/tools/cldr-foreign.cc $(pkg-config --cflags --libs icu-uc icu-i18n) -o /tmp/cldr-foreign
//   /tmp/cldr-foreign dictionaries/names > dictionaries/names/cldr-foreign.tsv
//
// Argument: the names folder. Its place rows (hand-written and cldr.tsv) give
// each region and city its entity id, found through the English CLDR name;
// a region or city whose English name is no form of exactly one place entity
// is left out. A foreign form is written only where it is no form of the
// entity in en de fr es it ru uk, no place form of another entity, has four
// letters or more, and is the only entity with that form in its language.
// Forms "A (B)" and forms with digits are left out. Languages with the same
// form share one row.

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/uldnames.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cldr-text.h"

namespace {

// Source languages of machine translation into the table's languages,
// Latin script, then Cyrillic.
const char* const kForeign[] = {"tr", "pl", "cs", "sk", "hu", "ro", "pt", "nl", "sv", "da",
                                "nb", "fi", "hr", "bs", "sl", "id", "ms", "lt", "lv", "et",
                                "sq", "ca", "az", "be", "bg", "sr", "mk", "kk"};
const char* const kTable[] = {"en", "de", "fr", "es", "it", "ru", "uk"};

using cldr_text::fold;
using cldr_text::split;
using cldr_text::utf8;

struct Table {
  std::map<std::string, std::set<std::string>> en_ids;  // folded en form -> place ids
  std::map<std::string, std::set<std::string>> forms;   // id -> folded forms, all languages
  std::map<std::string, std::set<std::string>> owners;  // folded form -> place ids, any language
};

void read_file(const std::string& path, Table& t) {
  std::ifstream in(path);
  cldr_text::each_row(in, [&](const std::vector<std::string>& f) {
    if (f.size() < 5 || f[2] != "place" || f[1].empty() || f[1][0] == '+') return;
    std::vector<std::string> all = {f[3]};
    for (const auto& a : split(f[4], '|')) all.push_back(a);
    for (const std::string& lang : split(f[1], ','))
      for (const auto& a : all) {
        if (a.empty()) continue;
        std::string k = fold(a);
        t.forms[f[0]].insert(k);
        t.owners[k].insert(f[0]);
        if (lang == "en") t.en_ids[k].insert(f[0]);
      }
  });
}

std::string region_display(const char* lang, const char* code) {
  UErrorCode st = U_ZERO_ERROR;
  ULocaleDisplayNames* ldn = uldn_open(lang, ULDN_STANDARD_NAMES, &st);
  if (U_FAILURE(st)) return "";
  UChar buf[256];
  int32_t len = uldn_regionDisplayName(ldn, code, buf, 256, &st);
  uldn_close(ldn);
  if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING) return "";
  return utf8(icu::UnicodeString(buf, len));
}

std::string exemplar(const char* lang, const icu::UnicodeString& tz) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(icu::Locale(lang), st));
  if (U_FAILURE(st)) return "";
  icu::UnicodeString out;
  names->getExemplarLocationName(tz, out);
  return utf8(out);
}

bool usable(const std::string& s) {
  if (s.empty() || s.find('(') != std::string::npos || s.find('/') != std::string::npos) return false;
  for (char c : s)
    if (c >= '0' && c <= '9') return false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  return u.countChar32() >= 4;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: cldr-foreign NAMES_DIR > cldr-foreign.tsv\n");
    return 2;
  }
  Table t;
  std::string dir = argv[1];
  DIR* d = opendir(dir.c_str());
  if (!d) {
    std::fprintf(stderr, "cldr-foreign: cannot read %s\n", dir.c_str());
    return 2;
  }
  std::vector<std::string> files;
  while (struct dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n.size() > 4 && n.substr(n.size() - 4) == ".tsv" && n.rfind("given-", 0) != 0 &&
        n != "cldr-foreign.tsv")
      files.push_back(n);
  }
  closedir(d);
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_file(dir + "/" + f, t);

  // (entity id, source note) -> lang -> form
  struct Ent { std::string id, source; std::map<std::string, std::string> by_lang; };
  std::vector<Ent> ents;
  std::set<std::string> done;  // ids written (a city named as its country is the country)
  auto add = [&](const std::string& en, const std::string& source,
                 const std::function<std::string(const char*)>& name_in) {
    auto it = t.en_ids.find(fold(en));
    if (en.empty() || it == t.en_ids.end() || it->second.size() != 1) return;
    Ent e{*it->second.begin(), source, {}};
    if (!done.insert(e.id).second) return;
    for (const char* l : kForeign) {
      std::string n = name_in(l);
      if (!usable(n)) continue;
      std::string k = fold(n);
      if (t.forms[e.id].count(k)) continue;        // a form of the entity already
      auto o = t.owners.find(k);
      if (o != t.owners.end()) continue;           // another place's form
      e.by_lang[l] = n;
    }
    if (!e.by_lang.empty()) ents.push_back(e);
  };

  char ver[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo vi;
  u_getVersion(vi);
  u_versionToString(vi, ver);
  const char* const* codes = uloc_getISOCountries();
  for (; *codes; codes++) {
    const char* code = *codes;
    add(region_display("en", code),
        std::string("ICU ") + ver + " CLDR region display name for " + code,
        [&](const char* l) { return region_display(l, code); });
  }
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, st));
  if (U_FAILURE(st)) {
    std::fprintf(stderr, "cldr-foreign: zone enumeration: %s\n", u_errorName(st));
    return 1;
  }
  const icu::UnicodeString* z;
  while ((z = zones->snext(st)) != nullptr && U_SUCCESS(st)) {
    icu::UnicodeString tz = *z;
    std::string en = exemplar("en", tz);
    add(en, "ICU " + std::string(ver) + " CLDR time-zone exemplar city for " + utf8(tz),
        [&](const char* l) {
          std::string n = exemplar(l, tz);
          return n == en ? std::string() : n;  // (no name of its own: the English one)
        });
  }
  // a form two entities share in one language is no evidence for either
  std::map<std::string, int> uses;
  for (const auto& e : ents)
    for (const auto& p : e.by_lang) uses[p.first + "\t" + fold(p.second)]++;

  std::cout << "# GENERATED by src/tools/cldr-foreign.cc from ICU " << ver
            << ": do not edit. Names of countries and time-zone cities in languages\n"
               "# machine translation translates from, where they differ from every form of the\n"
               "# entity in en de fr es it ru uk (see dictionaries/README.md).\n"
               "id\tlang\tkind\tcanonical\taccepted\terrors\tgiven\tfamily\tsource\n";
  for (const auto& e : ents) {
    std::map<std::string, std::vector<std::string>> groups;  // form -> langs
    for (const char* l : kForeign) {
      auto it = e.by_lang.find(l);
      if (it == e.by_lang.end() || uses[it->first + "\t" + fold(it->second)] != 1) continue;
      groups[it->second].push_back(l);
    }
    for (const auto& g : groups) {
      std::string langs;
      for (const auto& l : g.second) langs += (langs.empty() ? "" : ",") + l;
      std::cout << e.id << '\t' << langs << "\tplace\t" << g.first << "\t\t\t\t\t" << e.source
                << " (" << langs << ")\n";
    }
  }
  return 0;
}
