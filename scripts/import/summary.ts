/** The short human summary printed after an import: totals per kind of change, never values. */
import type { ImportResult } from '../../src/dicom/import/import-case';

export function summaryLines(out: string, result: ImportResult): string[] {
  const { report } = result;
  const totals = new Map<string, { attributes: number; elements: number }>();
  for (const byChange of Object.values(report.counts.attributes)) {
    for (const [change, n] of Object.entries(byChange)) {
      const t = totals.get(change) ?? { attributes: 0, elements: 0 };
      t.attributes += 1;
      t.elements += n ?? 0;
      totals.set(change, t);
    }
  }
  const f = report.files;
  const lines = [
    `case:import: ${f.imported} images in ${f.series} series written to ${out} ` +
      `(${f.quarantined} quarantined, ${f.forced} forced, ${f.skipped} skipped)`,
    ...result.series.map((s) => `  series ${s.key}: ${s.files.length} files, ${s.imageCount} images, "${s.label}"`),
    `de-identified: ${report.method}`,
    ...[...totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([change, t]) => `  ${change}: ${t.elements} elements of ${t.attributes} attributes`),
    `  private elements removed: ${report.counts.privateElementsRemoved}`,
    `  distinct UIDs replaced: ${report.distinctUidsReplaced}`,
    `details per attribute: ${out}/deid-report.json; case.json is a draft: write the lesson, then npm run cases:check`,
  ];
  return lines;
}
