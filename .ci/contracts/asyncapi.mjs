// Validates an AsyncAPI document with the official parser (what another team's tooling would load) and fails on any
// error; warnings and hints are printed.
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
const severities = ['error', 'warning', 'info', 'hint'];
for (const diagnostic of diagnostics) {
  console.log(`${file}: ${severities[diagnostic.severity]} ${diagnostic.code} at ${diagnostic.path.join('.') || '/'}: `
    + diagnostic.message);
}
const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0).length;
if (!document || errors > 0) {
  console.error(`${file}: ${errors} error(s); the official AsyncAPI parser refuses the document`);
  process.exit(1);
}
console.log(`${file}: valid for the official AsyncAPI parser (${document.channels().length} channels, `
  + `${document.operations().length} operations, ${document.messages().length} messages)`);
