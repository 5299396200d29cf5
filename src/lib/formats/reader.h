/* reader.h - helpers shared by the markup readers (markdown.c, html.c):
 * building doc->raw and its map to the source piece by piece. Private to
 * src/lib/formats/. */
#ifndef TQL_READER_H
#define TQL_READER_H

#include "../internal.h"

/* State of one reader run. Pieces must come in source order; a piece that
 * goes back in the source is kept but mapped to the current position. */
typedef struct tql_reader {
	tql_engine *eng;     /* borrowed */
	tql_doc *doc;        /* borrowed */
	tql_buf out;         /* the analysed text being built */
	size_t s_pos;        /* source offset reached by the map */
	int bad_utf8;        /* rule index of encoding.invalid-utf8, or -1 */
	bool oom;
} tql_reader;

void tql_rd_init(tql_reader *rd, tql_engine *eng, tql_doc *doc);
/* Copies source bytes [s_off, s_off+n) to the analysed text: CR/CRLF
 * become LF, invalid UTF-8 becomes U+FFFD with a finding. */
bool tql_rd_src(tql_reader *rd, size_t s_off, size_t n);
/* Writes `text` (UTF-8) standing for source bytes [s_off, s_off+s_len). */
bool tql_rd_lit(tql_reader *rd, const char *text, size_t n, size_t s_off, size_t s_len);
/* Writes a generated separator (not from the source): "\n\n" between
 * blocks, "\n" or " " inside them. Never doubles an existing break. */
bool tql_rd_sep(tql_reader *rd, const char *sep);
/* Moves doc->raw / raw_len out of the reader; maps the rest of the source. */
tql_status tql_rd_finish(tql_reader *rd);
void tql_rd_abort(tql_reader *rd);

/* Scans a front-matter block at the start of src (YAML "---" or TOML
 * "+++"). Returns the byte length of the block including its closing line,
 * or 0 when there is none. */
size_t tql_front_matter_len(const char *src, size_t n);

/* Writes the published keys of a front-matter block to the reader (each
 * value a block of its own) and stores its `lang` in doc->doc_lang. */
bool tql_front_matter_read(tql_reader *rd, size_t start, size_t len);

#endif
