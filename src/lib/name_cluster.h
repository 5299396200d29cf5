/* name_cluster.h - one unknown name spelled two ways in one document. */
#ifndef TQL_NAME_CLUSTER_H
#define TQL_NAME_CLUSTER_H

#include "internal.h"
#include "names.h"

/*
 * Reports consistency.name for unknown capitalised words of the document
 * (token indices in `cand`, in text order: words neither the dictionary
 * nor the name table knows) that are one name written two ways: one edit
 * apart or sounding the same, with the same first letter, and sharing
 * context (the same given name before both, or one introduced by a given
 * name and the other standing alone): "Tomasz Brzezinowski" ...
 * "Brzezinowsky". The later, less frequent form is reported. One such
 * word written with and without an accent past its first letter ("Zócalo"
 * / "Zocalo", Latin script) is reported the same way. `named` holds the
 * byte offsets (size_t keys) of the words inside the names the name check
 * has matched (borrowed): a given name it judged is not judged again.
 */
tql_status tql_name_clusters(tql_ctx *ctx, const tql_names *nm, const size_t *cand, size_t ncand,
                             const tql_strmap *named);

#endif
