# Scores findings (R) against annotations (E) per file (F); see eval.sh.
# Listed in verbose output unless the path contains TQL_EVAL_HIDE (a batch
# kept blind is counted but its misses are not shown).
function shown(f,   h) {
	h = ENVIRON["TQL_EVAL_HIDE"]
	return h == "" || index(f, h) == 0
}
# A name finding on a span annotated as consistency (or the reverse) is the
# same artifact seen from the other side: a garbled name the document also
# spells right elsewhere. They match unless TQL_EVAL_STRICT is set.
function family(c) {
	if (ENVIRON["TQL_EVAL_STRICT"] != "") return c
	return c == "consistency" ? "name" : c
}
# A space before punctuation is typography to tqlint; the corpus guide lists
# it under garbled ("Serbia ,"). That one rule meets that one category; the
# spans must still overlap.
function same(j, i) {
	if (family(rcat[j]) == family(ecat[i])) return 1
	return ENVIRON["TQL_EVAL_STRICT"] == "" && rrule[j] == "typography.space-before-punct" && ecat[i] == "garbled"
}
function flush(   i, j, hit) {
	if (file == "") return
	for (j = 1; j <= nr; j++) rmatch[j] = 0
	for (i = 1; i <= ne; i++) {
		hit = 0
		for (j = 1; j <= nr; j++) {
			if (!same(j, i) || eline[i] < rline[j] || eline[i] > rend[j]) continue
			if (index(rtext[j], espan[i]) || index(espan[i], rtext[j])) { hit = 1; rmatch[j] = 1 }
		}
		nexp[ecat[i]]++; lexp[flang]++
		if (hit) { caught[ecat[i]]++; lcaught[flang]++ } else if (shown(file)) missed_list = missed_list sprintf("  missed %s:%d %s \"%s\"\n", file, eline[i], ecat[i], espan[i])
	}
	for (j = 1; j <= nr; j++) {
		reported[rcat[j]]++
		if (rmatch[j]) tp[rcat[j]]++
		else {
			unexp[rcat[j]]++
			if (shown(file)) unexp_list = unexp_list sprintf("  unexpected %s:%d %s \"%s\"\n", file, rline[j], rrule[j], rtext[j])
			if (fkind == "clean") { cleanunexp++; lclean[flang]++ }
		}
	}
	if (fkind == "clean") { cleanwords += fwords; lcleanw[flang] += fwords }
	langs[flang] = 1
	cats_seen = 1
}
$1 == "F" { flush(); file = $2; flang = $3; fkind = $4; fwords = $5; ne = 0; nr = 0; next }
$1 == "E" { ne++; eline[ne] = $2 + 0; ecat[ne] = $3; espan[ne] = $4; cats[$3] = 1; next }
$1 == "R" { nr++; rline[nr] = $2 + 0; rend[nr] = $3 + 0; rcat[nr] = $4; rtext[nr] = $5; rrule[nr] = $6; cats[$4] = 1; next }
$1 == "X" { xname[++nx] = $2; xlang[nx] = $3; xwords[nx] = $4; xfind[nx] = $5; next }
$1 == "S" { sw_lang[++ns] = $2; sw_ne[ns] = $3; sw_tp[ns] = $4; sw_nt[ns] = $5; sw_fp[ns] = $6; next }
$1 == "Y" { ytop[$2 "/" $3] = ytop[$2 "/" $3] sprintf(" %s=%s", $4, $5); next }
END {
	flush()
	split("name consistency calque duplicate boilerplate garbled encoding spelling typography language", order, " ")
	printf "%-12s %8s %7s %7s %10s %7s %9s\n", "category", "expected", "caught", "missed", "unexpected", "recall", "precision"
	for (k = 1; k <= 10; k++) {
		c = order[k]
		e = nexp[c] + 0; ca = caught[c] + 0; u = unexp[c] + 0; r = reported[c] + 0
		te += e; tc += ca; tu += u; tr += r; ttp += tp[c]
		printf "%-12s %8d %7d %7d %10d %7s %9s\n", c, e, ca, e - ca, u,
			e ? sprintf("%.0f%%", 100 * ca / e) : "-", r ? sprintf("%.0f%%", 100 * tp[c] / r) : "-"
	}
	printf "%-12s %8d %7d %7d %10d %7s %9s\n", "all", te, tc, te - tc, tu,
		te ? sprintf("%.0f%%", 100 * tc / te) : "-", tr ? sprintf("%.0f%%", 100 * ttp / tr) : "-"
	printf "\nclean texts in corpora: %d words, %d unexpected findings, %.2f per 1000 words\n",
		cleanwords, cleanunexp, cleanwords ? 1000 * cleanunexp / cleanwords : 0
	printf "\n%-5s %9s %14s %14s %14s %14s\n", "lang", "recall", "clean/1000w", "udhr/1000w", "handbook/1000w", "brown-news/1000w"
	for (k = 1; k <= nx; k++) { key = xname[k] "/" xlang[k]; xr[key] = sprintf("%.2f (%d)", xwords[k] ? 1000 * xfind[k] / xwords[k] : 0, xfind[k]) ; langs[xlang[k]] = 1 }
	n = split("en de fr es it ru uk", ll, " ")
	for (k = 1; k <= n; k++) {
		l = ll[k]; if (!(l in langs)) continue
		printf "%-5s %9s %14s %14s %14s %14s\n", l,
			lexp[l] ? sprintf("%.0f%%", 100 * lcaught[l] / lexp[l]) : "-",
			lcleanw[l] ? sprintf("%.2f", 1000 * lclean[l] / lcleanw[l]) : "-",
			("udhr/" l in xr) ? xr["udhr/" l] : "-", ("handbook/" l in xr) ? xr["handbook/" l] : "-",
			("brown-news/" l in xr) ? xr["brown-news/" l] : "-"
	}
	if (ns) {
		printf "\nlanguage.switch on Debian handbook pages (untranslated = identical to the en page):\n"
		printf "%-5s %14s %10s %8s %12s %10s %8s\n", "lang", "untranslated", "reported", "recall", "translated", "reported", "false"
		for (k = 1; k <= ns; k++)
			printf "%-5s %14d %10d %8s %12d %10d %8s\n", sw_lang[k], sw_ne[k], sw_tp[k],
				sw_ne[k] ? sprintf("%.1f%%", 100 * sw_tp[k] / sw_ne[k]) : "-", sw_nt[k], sw_fp[k],
				sw_nt[k] ? sprintf("%.2f%%", 100 * sw_fp[k] / sw_nt[k]) : "-"
	}
	for (key in ytop) printf "  top rules on %s:%s\n", key, ytop[key]
	if (ENVIRON["TQL_EVAL_VERBOSE"] != "") printf "\n%s%s", missed_list, unexp_list
}
