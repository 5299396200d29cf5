// Validates SARIF logs against the SARIF 2.1.0 JSON schema (2.1.0-rtm.5,
// the final 2.1.0 schema, as shipped by @microsoft/jest-sarif) with ajv 6,
// which supports the schema's draft-04 dialect. Prints "FILE: valid, N
// results" per log; exits 1 on the first invalid one, listing the errors.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ schemaId: 'auto', allErrors: true, format: 'full' });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);
let bad = 0;
for (const f of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(f, 'utf8'));
  if (!validate(log)) {
    console.log(`${f}: INVALID`);
    for (const e of validate.errors) console.log(`  ${e.dataPath} ${e.message}`);
    bad++;
    continue;
  }
  const n = log.runs.reduce((a, r) => a + r.results.length, 0);
  console.log(`${f}: valid, ${n} results`);
}
process.exit(bad ? 1 : 0);
