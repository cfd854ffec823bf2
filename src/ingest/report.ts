import type { ApplyReport, OutcomeCounts } from './apply.js';

/** A closing summary for the terminal: created, updated and unchanged per kind and type. */
export function formatReport(report: ApplyReport): string {
  const lines = [`${report.origin}: ${report.unchanged ? 'no change' : 'applied'}`];
  const table = (title: string, counts: Record<string, OutcomeCounts>): void => {
    const names = Object.keys(counts).sort();
    if (names.length === 0) return;
    lines.push(`  ${title}`);
    for (const name of names) {
      const c = counts[name]!;
      lines.push(`    ${name.padEnd(40)} created ${String(c.created).padStart(6)}  updated ${String(c.updated).padStart(6)}  unchanged ${String(c.unchanged).padStart(6)}`);
    }
  };
  table('entities', report.entities);
  table('relationships', report.relationships);
  return lines.join('\n');
}
