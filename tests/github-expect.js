// Writes, with @actions/core's own command writer, the workflow commands
// that tqlint's `--format github` must print for the findings of a JSON
// Lines report (standard input): one annotation per finding, columns only
// when the finding is on one line.
'use strict';
const { issueCommand } = require('@actions/core/lib/command');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
const cmd = { error: 'error', warning: 'warning', info: 'notice' };
for (const l of lines) {
  const f = JSON.parse(l);
  const one = f.line === f.end_line;
  const props = { file: f.path, line: f.line };
  if (one) props.col = f.column;
  props.endLine = f.end_line;
  if (one) props.endColumn = f.end_column;
  props.title = f.rule;
  issueCommand(cmd[f.severity], props, f.message);
}
