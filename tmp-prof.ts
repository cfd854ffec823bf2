import fs from 'node:fs';
import { readEurepocCsv } from './src/ingest/eurepoc/csv.js';
import { literalList, alignedItems } from './src/ingest/eurepoc/values.js';
import { readEurepoc } from './src/ingest/eurepoc/read.js';
const text = fs.readFileSync('/work/shared/data/eurepoc/EuRepoC_Global_Database_1.1.csv', 'utf8');
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const csv = readEurepocCsv(text, 'x');
  const a = performance.now() - t; t = performance.now();
  for (const r of csv.rows) for (const c of ['receiver_name','receiver_country','receiver_category','receiver_category_subcode','initiator_name','initiator_country','initiator_category','initiator_category_subcode','sources_attribution','sources_url']) literalList(r.cells[c]!);
  const b = performance.now() - t; t = performance.now();
  for (const r of csv.rows) for (const c of ['attribution_date','attribution_type','attribution_basis','attributing_actor','attributed_initiator','attributed_initiator_country']) alignedItems(r.cells[c]!);
  const c2 = performance.now() - t; t = performance.now();
  readEurepoc(text, 'x');
  console.log('csv', a.toFixed(0), 'lit', b.toFixed(0), 'aligned', c2.toFixed(0), 'all', (performance.now() - t).toFixed(0));
}
