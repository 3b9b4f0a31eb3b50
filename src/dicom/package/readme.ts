/**
 * The README.md every package carries, for whoever finds the zip without the app: what case it is, where its
 * images come from (the credit their licence asks for) and what files it holds. Made from case.json each time a
 * package is written, so it cannot drift from the case.
 */
import { CASE_FILE, README_FILE } from './package-format';

/** The few case.json fields the README shows, read leniently: packing checks the case elsewhere. */
interface ReadmeFacts {
  id: string;
  title: string;
  imageCredit?: string;
  syntheticImages: boolean;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function factsOf(caseJson: unknown): ReadmeFacts {
  const c = (caseJson && typeof caseJson === 'object' ? caseJson : {}) as Record<string, unknown>;
  return {
    id: text(c.id) ?? '(no id)',
    title: text(c.title) ?? '(untitled case)',
    imageCredit: text(c.imageCredit),
    syntheticImages: c.syntheticImages === true,
  };
}

/** @param others every file of the package but case.json and the README, in package order */
export function packageReadme(caseJson: unknown, others: readonly string[], licences: readonly string[]): string {
  const f = factsOf(caseJson);
  const credit = f.imageCredit ?? (f.syntheticImages ? 'synthetic images made for teaching: no patient data' : 'not stated in case.json');
  const lines = [
    `# ${f.title}`,
    '',
    `A teaching case package (case id \`${f.id}\`): the case file \`${CASE_FILE}\`, its DICOM series under`,
    '`series/`, and any narration and WebVTT transcript it names. Open it in the Case Teaching Viewer (drop the',
    'zip on the library page) or add it to a deployment with `npm run case:import -- <this zip>`.',
    '',
    '## Credits',
    '',
    `Images: ${credit}`,
  ];
  if (f.syntheticImages) lines.push('', 'The images are synthetic: not a patient.');
  if (licences.length) lines.push('', `Licence of the images: ${licences.map((l) => `\`${l}\``).join(', ')}.`);
  lines.push('', '## Files', '', ...[CASE_FILE, README_FILE, ...others].map((p) => `- \`${p}\``), '');
  return lines.join('\n');
}
