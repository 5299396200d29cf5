// zh-pinyin: write dictionaries/names/pinyin.tsv, the toneless pinyin of the
// Chinese forms of non-Chinese names, as error variants in the Latin-script
// languages. Machine translation from Chinese that does not recognise a
// transcribed foreign name romanises it: 贝森特 (Bessent) comes out
// "Beisente", 吉隆坡 (Kuala Lumpur) "Jilongpo".
//
// Build and run (from the top of the work tree):
//   g++ -std=c++17 -O1 src/tools/zh-pinyin.cc
//       $(pkg-config --cflags --libs icu-uc icu-i18n hunspell) -o /tmp/zh-pinyin
//   /tmp/zh-pinyin dictionaries/names > dictionaries/names/pinyin.tsv
//
// Input: the zh rows of every table in the folder (canonical, accepted,
// given, family), and for CLDR time-zone cities (ids cldr-city-*) the zh
// exemplar city name from ICU. Chinese forms become pinyin with ICU's
// "Han-Latin; Latin-ASCII" transform; the syllables of each word (words are
// separated by the middle dot) are joined and capitalised: 斯科特·贝森特 ->
// "Sikete Beisente", plus the family name alone ("Beisente"). A Chinese-style
// name (canonical = family + given characters, no dot: people of Taiwan,
// Hong Kong, Singapore, whose English forms are not Hanyu Pinyin) becomes
// "Family Given": 赖清德 -> "Lai Qingde" for Lai Ching-te (only with a given
// name of two characters or more: two-syllable names are too common).
// Left out: forms of fewer than 5 letters (6 for one word), given names of
// names/given-names.txt, forms listed in names/pinyin-exclude.txt (correct
// names of other places or people), forms equal (folded) to a correct
// Latin form of any entity, and one-word forms that Hunspell knows in
// en_US, en_GB, de_DE, fr_FR, es_ES or it_IT (such words are not evidence).
// Output rows are supplements (lang starts with '+'): their errors are added
// to the entity's rows in those languages; canonical repeats the entity's
// English form for the reader.

#include <hunspell/hunspell.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/translit.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using icu::UnicodeString;

namespace {

std::vector<std::string> split(const std::string &s, char sep)
{
	std::vector<std::string> v;
	std::string cur;
	std::istringstream in(s);
	while (std::getline(in, cur, sep))
		v.push_back(cur);
	if (!s.empty() && s.back() == sep)
		v.push_back("");
	return v;
}

std::string lower_ascii(std::string s)
{
	for (char &c : s)
		c = (char)std::tolower((unsigned char)c);
	return s;
}

struct Row {
	std::string id, langs, kind, canonical;
	std::vector<std::string> accepted, given, family;
	std::string source;
};

struct Entity {
	std::string kind, en;              // English canonical
	std::set<std::string> latin_langs; // languages of its Latin-script rows
	std::vector<std::string> zh;       // Chinese forms
	std::vector<std::string> zh_family;
	// Chinese-style names (family and given characters, no dot): written
	// "Family Given" in pinyin (赖清德 -> "Lai Qingde")
	std::vector<std::pair<std::string, std::string>> zh_pairs;
	std::string note;
};

}  // namespace

int main(int argc, char **argv)
{
	if (argc != 2) {
		std::fprintf(stderr, "usage: %s NAMES_DIR\n", argv[0]);
		return 2;
	}
	std::string dir = argv[1];
	std::vector<std::string> files;
	if (DIR *dh = opendir(dir.c_str())) {
		while (dirent *de = readdir(dh)) {
			std::string n = de->d_name;
			if (n.size() > 4 && n.compare(n.size() - 4, 4, ".tsv") == 0 &&
			    n.rfind("given-", 0) != 0 && n != "pinyin.tsv")
				files.push_back(dir + "/" + n);
		}
		closedir(dh);
	}
	std::sort(files.begin(), files.end());

	UErrorCode err = U_ZERO_ERROR;
	std::unique_ptr<icu::Transliterator> han(icu::Transliterator::createInstance(
		"Han-Latin; Latin-ASCII", UTRANS_FORWARD, err));
	std::unique_ptr<icu::Transliterator> fold(icu::Transliterator::createInstance(
		"Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, err));
	if (U_FAILURE(err)) {
		std::fprintf(stderr, "ICU transliterators: %s\n", u_errorName(err));
		return 1;
	}
	auto folded = [&](const std::string &s) {
		UnicodeString u = UnicodeString::fromUTF8(s);
		fold->transliterate(u);
		std::string o;
		u.toUTF8String(o);
		return o;
	};

	std::map<std::string, Entity> ents;
	std::set<std::string> correct; // folded correct Latin forms of every entity
	for (const auto &f : files) {
		std::ifstream in(f);
		std::string line;
		while (std::getline(in, line)) {
			if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0)
				continue;
			auto c = split(line, '\t');
			if (c.size() != 9 || c[1].empty() || c[1][0] == '+')
				continue;
			Entity &e = ents[c[0]];
			e.kind = c[2];
			std::vector<std::string> forms = {c[3]};
			for (auto &a : split(c[4], '|'))
				if (!a.empty())
					forms.push_back(a);
			bool zh = c[1] == "zh";
			for (auto &l : split(c[1], ',')) {
				if (l == "en" || l == "de" || l == "fr" || l == "es" || l == "it")
					e.latin_langs.insert(l);
				if (l == "en")
					e.en = c[3];
			}
			if (zh) {
				for (auto &x : forms)
					e.zh.push_back(x);
				auto fam = split(c[7], '|'), giv = split(c[6], '|');
				if (!fam.empty() && !giv.empty() && !fam[0].empty() && !giv[0].empty() &&
				    c[3] == fam[0] + giv[0]) {
					e.zh_pairs.emplace_back(fam[0], giv[0]);
					e.zh.erase(std::remove(e.zh.begin(), e.zh.end(), c[3]), e.zh.end());
				} else {
					for (auto &x : fam)
						if (!x.empty())
							e.zh_family.push_back(x);
				}
				e.note = c[8];
			} else if (!e.latin_langs.empty()) {
				for (auto &x : forms)
					correct.insert(folded(x));
				for (auto &x : split(c[7], '|'))
					if (!x.empty())
						correct.insert(folded(x));
			}
			// CLDR time-zone cities: the zh exemplar city from ICU
			const std::string tag = "exemplar city for ";
			size_t at = c[8].find(tag);
			if (c[0].rfind("cldr-city-", 0) == 0 && at != std::string::npos && e.zh.empty()) {
				UnicodeString zone = UnicodeString::fromUTF8(c[8].substr(at + tag.size()));
				UErrorCode ze = U_ZERO_ERROR;
				std::unique_ptr<icu::TimeZoneNames> tzn(
					icu::TimeZoneNames::createInstance(icu::Locale("zh"), ze));
				UnicodeString city;
				if (U_SUCCESS(ze))
					tzn->getExemplarLocationName(zone, city);
				std::string s;
				city.toUTF8String(s);
				if (!s.empty() && (unsigned char)s[0] >= 0xE0) {
					e.zh.push_back(s);
					e.note = "CLDR zh exemplar city for " + c[8].substr(at + tag.size());
				}
			}
		}
	}

	// given names (names/given-names.txt): a pinyin form that is one is no evidence
	std::set<std::string> given;
	{
		std::ifstream gin(dir + "/given-names.txt");
		std::string g;
		while (std::getline(gin, g))
			if (!g.empty() && g[0] != '#')
				given.insert(folded(g));
	}
	// pinyin forms that are correct names of other places or people
	// (names/pinyin-exclude.txt: form, tab, reason)
	std::set<std::string> excluded;
	{
		std::ifstream xin(dir + "/pinyin-exclude.txt");
		std::string x;
		while (std::getline(xin, x))
			if (!x.empty() && x[0] != '#')
				excluded.insert(x.substr(0, x.find('\t')));
	}
	static const char *dicts[] = {"en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT"};
	std::vector<Hunhandle *> hs;
	for (const char *d : dicts) {
		std::string aff = std::string("/usr/share/hunspell/") + d + ".aff";
		std::string dic = std::string("/usr/share/hunspell/") + d + ".dic";
		if (FILE *t = std::fopen(dic.c_str(), "r")) {
			std::fclose(t);
			hs.push_back(Hunspell_create(aff.c_str(), dic.c_str()));
		}
	}
	auto is_word = [&](const std::string &w) {
		for (Hunhandle *h : hs)
			if (Hunspell_spell(h, w.c_str()) || Hunspell_spell(h, lower_ascii(w).c_str()))
				return true;
		return false;
	};
	auto pinyin = [&](const std::string &zh) {
		std::string out;
		// words are separated by the middle dot (U+00B7) or U+30FB / U+2022
		UnicodeString u = UnicodeString::fromUTF8(zh);
		u.findAndReplace(UnicodeString((UChar)0x30FB), UnicodeString((UChar)0x00B7));
		u.findAndReplace(UnicodeString((UChar)0x2022), UnicodeString((UChar)0x00B7));
		u.findAndReplace(UnicodeString((UChar)0x2027), UnicodeString((UChar)0x00B7));
		std::vector<UnicodeString> words;
		int32_t start = 0;
		for (int32_t i = 0; i <= u.length(); i++) {
			if (i == u.length() || u.charAt(i) == 0x00B7) {
				words.push_back(u.tempSubStringBetween(start, i));
				start = i + 1;
			}
		}
		for (auto &w : words) {
			UnicodeString t = w;
			han->transliterate(t);
			std::string s;
			t.toUTF8String(s);
			std::string joined;
			for (char ch : s)
				if (std::isalpha((unsigned char)ch))
					joined += (char)std::tolower((unsigned char)ch);
				else if (ch != ' ' && ch != '\'')
					return std::string(); // not all Han
			if (joined.empty())
				return std::string();
			joined[0] = (char)std::toupper((unsigned char)joined[0]);
			if (!out.empty())
				out += ' ';
			out += joined;
		}
		return out;
	};

	std::printf("# Generated by src/tools/zh-pinyin.cc (ICU Han-Latin) from the zh rows of the\n"
	            "# name tables and CLDR zh exemplar cities. Do not edit: rebuild instead.\n"
	            "# Supplement rows (lang starts with '+'): errors are added to the entity's rows.\n");
	std::printf("id\tlang\tkind\tcanonical\taccepted\terrors\tgiven\tfamily\tsource\n");
	size_t nrows = 0, nforms = 0;
	for (auto &[id, e] : ents) {
		if ((e.zh.empty() && e.zh_pairs.empty()) || e.latin_langs.empty() || e.en.empty())
			continue;
		std::vector<std::string> zh = e.zh;
		zh.insert(zh.end(), e.zh_family.begin(), e.zh_family.end());
		std::set<std::string> seen;
		std::vector<std::string> errs;
		std::vector<std::string> py;
		for (auto &z : zh)
			py.push_back(pinyin(z));
		for (auto &[f, g] : e.zh_pairs) {
			// (a given name of one character makes a two-syllable name,
			// which too many real Chinese people bear: "Su Lin", "Xu Xu")
			if (UnicodeString::fromUTF8(g).countChar32() < 2)
				continue;
			// a family name read as a surname, not with the character's
			// common reading that Han-Latin gives (朴 is Piao as the
			// Korean family name Park, not pu)
			static const std::map<std::string, std::string> surname = {
				{"朴", "Piao"}, {"单", "Shan"}, {"解", "Xie"}, {"仇", "Qiu"},
				{"区", "Ou"},   {"查", "Zha"},  {"曾", "Zeng"}, {"覃", "Qin"}};
			auto sr = surname.find(f);
			std::string pf = sr != surname.end() ? sr->second : pinyin(f), pg = pinyin(g);
			if (!pf.empty() && !pg.empty())
				py.push_back(pf + " " + pg);
		}
		for (auto &p : py) {
			bool one = p.find(' ') == std::string::npos;
			if (p.size() < (one ? 6u : 5u) || seen.count(p) || (one && given.count(folded(p))))
				continue;
			seen.insert(p);
			std::string fp = folded(p);
			if (correct.count(fp) || excluded.count(p))
				continue;
			if (p.find(' ') == std::string::npos && is_word(p))
				continue;
			errs.push_back(p);
		}
		if (errs.empty())
			continue;
		std::string langs;
		for (const char *l : {"en", "de", "fr", "es", "it"})
			if (e.latin_langs.count(l))
				langs += (langs.empty() ? "+" : ",") + std::string(l);
		std::string joined;
		for (auto &x : errs)
			joined += (joined.empty() ? "" : "|") + x;
		std::string zhs;
		for (auto &[f, g] : e.zh_pairs)
			zhs += (zhs.empty() ? "" : ", ") + f + g;
		for (auto &x : e.zh)
			zhs += (zhs.empty() ? "" : ", ") + x;
		std::printf("%s\t%s\t%s\t%s\t\t%s\t\t\tpinyin (ICU Han-Latin) of the Chinese form %s\n",
		            id.c_str(), langs.c_str(), e.kind.c_str(), e.en.c_str(), joined.c_str(),
		            zhs.c_str());
		nrows++;
		nforms += errs.size();
	}
	for (Hunhandle *h : hs)
		Hunspell_destroy(h);
	std::fprintf(stderr, "zh-pinyin: %zu entities, %zu forms\n", nrows, nforms);
	return 0;
}
