/* langid.cc - the extern "C" shim over CLD2 (see langid.h). The only C++ in
 * libtqlint: nothing here throws past the C boundary. */
#include "langid.h"

#include <cstdio> /* before CLD2's header, which uses FILE without it */
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace {

const size_t kMaxBytes = 1 << 20;

/* CLD2 codes that differ from ISO 639-1 / BCP 47 primary subtags. */
const char *const kRenames[][2] = {
	{"iw", "he"}, {"jw", "jv"}, {"zh-Hant", "zh"}, {"sr-ME", "sr"}, {"xx-Qaai", ""},
};

/* Copies CLD2's code for lang into out as a plain language code. */
void put_code(CLD2::Language lang, char out[16])
{
	out[0] = '\0';
	if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE)
		return;
	const char *c = CLD2::LanguageCode(lang);
	if (!c || !*c || std::strcmp(c, "un") == 0 || std::strcmp(c, "xxx") == 0)
		return;
	for (const auto &r : kRenames)
		if (std::strcmp(c, r[0]) == 0) {
			c = r[1];
			break;
		}
	std::snprintf(out, 16, "%s", c);
}

/* CLD2's Language for a plain code ("he" -> HEBREW); UNKNOWN if none. */
CLD2::Language from_code(const char *code)
{
	if (!code || !*code)
		return CLD2::UNKNOWN_LANGUAGE;
	for (const auto &r : kRenames)
		if (r[1][0] && std::strcmp(code, r[1]) == 0) {
			code = r[0];
			break;
		}
	return CLD2::GetLanguageFromName(code);
}

/* Largest n' <= n that does not cut a UTF-8 sequence. */
size_t cut_utf8(const char *s, size_t n)
{
	while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
		n--;
	return n;
}

} // namespace

extern "C" bool tql_langid_detect(const char *s, size_t n, const char *hint, tql_langid *out)
{
	std::memset(out, 0, sizeof *out);
	if (!s || n == 0)
		return false;
	if (n > kMaxBytes)
		n = cut_utf8(s, kMaxBytes);
	try {
		CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, from_code(hint)};
		CLD2::Language lang3[3];
		int percent3[3] = {0, 0, 0};
		double score3[3] = {0, 0, 0};
		int text_bytes = 0, valid = 0;
		bool reliable = false;
		CLD2::ExtDetectLanguageSummaryCheckUTF8(s, static_cast<int>(n), true, &hints, 0, lang3,
		                                        percent3, score3, nullptr, &text_bytes,
		                                        &reliable, &valid);
		if (static_cast<size_t>(valid) < n)
			return false;
		for (int i = 0; i < 3; i++) {
			put_code(lang3[i], out->lang[i]);
			out->percent[i] = percent3[i];
			out->score[i] = score3[i];
		}
		out->text_bytes = text_bytes;
		out->reliable = reliable && out->lang[0][0];
		return true;
	} catch (...) {
		std::memset(out, 0, sizeof *out);
		return false;
	}
}

extern "C" bool tql_langid_known(const char *code)
{
	return from_code(code) != CLD2::UNKNOWN_LANGUAGE;
}

extern "C" const char *tql_langid_name(const char *code)
{
	/* CLD2's own names are upper case ("ENGLISH") or odd ("ChineseT") */
	static const char *const names[][2] = {
		{"en", "English"},   {"de", "German"},    {"fr", "French"},   {"es", "Spanish"},
		{"it", "Italian"},   {"ru", "Russian"},   {"uk", "Ukrainian"}, {"pt", "Portuguese"},
		{"nl", "Dutch"},     {"pl", "Polish"},    {"cs", "Czech"},    {"sk", "Slovak"},
		{"sv", "Swedish"},   {"da", "Danish"},    {"no", "Norwegian"}, {"fi", "Finnish"},
		{"hu", "Hungarian"}, {"ro", "Romanian"},  {"bg", "Bulgarian"}, {"sr", "Serbian"},
		{"hr", "Croatian"},  {"sl", "Slovenian"}, {"el", "Greek"},    {"tr", "Turkish"},
		{"ar", "Arabic"},    {"he", "Hebrew"},    {"fa", "Persian"},  {"zh", "Chinese"},
		{"ja", "Japanese"},  {"ko", "Korean"},    {"be", "Belarusian"}, {"ca", "Catalan"},
		{"lt", "Lithuanian"}, {"lv", "Latvian"},  {"et", "Estonian"}, {"la", "Latin"},
	};
	for (const auto &n : names)
		if (code && std::strcmp(code, n[0]) == 0)
			return n[1];
	return code;
}
