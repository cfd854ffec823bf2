import type { ApplyReport, OutcomeCounts } from '../write/apply.js';
import type { ImportReport } from './importData.js';

/** A closing summary for the terminal: created, updated and unchanged per kind and type. */
export function formatReport(report: ApplyReport): string {
  const lines = [`${report.origin}: ${report.unchanged ? 'no change' : 'applied'}`];
  const table = (title: string, counts: Record<string, OutcomeCounts>): void => {
    const names = Object.keys(counts).sort();
    if (names.length === 0) return;
    lines.push(`  ${title}`);
    for (const name of names) {
      const c = counts[name]!;
      lines.push(
        `    ${name.padEnd(40)} created ${String(c.created).padStart(6)}  updated ${String(c.updated).padStart(6)}  unchanged ${String(c.unchanged).padStart(6)}`,
      );
    }
  };
  table('entities', report.entities);
  table('relationships', report.relationships);
  return lines.join('\n');
}

/** The closing summary of an import: what was written, merged, left out and not understood. */
export function formatImportReport(report: ImportReport): string {
  // The apply summary's own header names the changeset; the import's names the file instead.
  const [, ...tables] = formatReport(report.apply).split('\n');
  const lines = [
    `${report.file} (${report.format}, ${report.objects.toLocaleString('en')} objects): ${report.unchanged ? 'no change' : 'applied'}`,
    ...tables,
  ];
  if (report.source)
    lines.push(
      `  source ${report.source.id} (${report.source.name}${report.source.version ? `, version ${report.source.version}` : ''}, sha256 ${report.source.sha256.slice(0, 12)}…)`,
    );
  if (report.restored > 0)
    lines.push(`  restored ${report.restored} entities and relationships from an attribution-graph export`);
  for (const merge of report.merges) {
    lines.push(`  merged ${merge.object} "${merge.name}" into ${merge.into} "${merge.intoName}" (by ${merge.reason})`);
  }
  for (const absorb of report.absorbed) lines.push(`  merged existing ${absorb.from} into ${absorb.into}: ${absorb.why}`);
  for (const split of report.splits)
    lines.push(`  split ${split.statements.join(', ')} out of ${split.from} into ${split.into}: ${split.why}`);
  const { added, removed } = report.possiblySameAs;
  if (added + removed > 0) lines.push(`  POSSIBLY_SAME_AS between actors: ${added} added, ${removed} removed`);
  for (const ambiguity of report.ambiguities) {
    const candidates = ambiguity.candidates
      .map((c) => `${c.id} "${c.name}" (by ${c.matchedNames.map((n) => `"${n}"`).join(', ')})`)
      .join('; ');
    lines.push(
      `  NOT merged ${ambiguity.object} "${ambiguity.name}": ${ambiguity.reason}; created as ${ambiguity.createdAs}, POSSIBLY_SAME_AS ${candidates}`,
    );
  }
  if (report.olderVersionsKept > 0)
    lines.push(`  ${report.olderVersionsKept} objects left out: the graph holds a later version (modified) of them`);
  const counts = (title: string, values: Record<string, number>): void => {
    const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
    if (entries.length === 0) return;
    lines.push(`  ${title}`);
    for (const [name, n] of entries) lines.push(`    ${name.padEnd(60)} ${String(n).padStart(6)}`);
  };
  counts('object types the model does not map (kept as StixObject with their JSON)', report.unknownTypes);
  counts('properties the model does not map (kept as JSON: stixExtra / mispJson)', report.unknownProperties);
  const SHOWN = 50;
  for (const warning of report.warnings.slice(0, SHOWN)) lines.push(`  warning: ${warning}`);
  if (report.warnings.length > SHOWN) lines.push(`  … and ${report.warnings.length - SHOWN} more warnings`);
  if (report.anomalies.length > 0) lines.push('  data anomalies handled (records)');
  for (const anomaly of report.anomalies) {
    const shown = anomaly.records.slice(0, 12).join(', ');
    const more = anomaly.records.length > 12 ? `, … ${anomaly.records.length - 12} more` : '';
    lines.push(`    ${anomaly.kind}: ${anomaly.count} (${shown}${more})`);
  }
  return lines.join('\n');
}
