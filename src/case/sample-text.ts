/**
 * Checks for what an author may have left unfinished: the sample text author mode used to put into new fields
 * (it now leaves them empty, with a placeholder, but older drafts still hold it), and a final diagnosis the
 * quiz cannot find in the differential. Run with the other structural checks, so `cases:check`, packages and
 * author mode all see them, each at its field.
 */
import type { CaseProblem } from './errors';
import type { ParsedCase } from './schema';

/** The words new answers and segments once started with (author mode, before they were placeholders). */
const SAMPLE_TEXTS = ['Write it here.', 'First diagnosis', 'The diagnosis', 'How it was proven', 'New segment'];
/** A new step's old title: "Step 3". */
const SAMPLE_STEP_TITLE = /^step \d+$/;

const isSample = (text: string): boolean => SAMPLE_TEXTS.some((s) => s.toLowerCase() === text.trim().toLowerCase());

function sample(problems: CaseProblem[], path: string, text: string): void {
  if (isSample(text)) problems.push({ path, message: `still holds the sample text "${text.trim()}": write the real text` });
}

export function checkSampleText(c: ParsedCase): CaseProblem[] {
  const problems: CaseProblem[] = [];
  c.steps.forEach((s, i) => {
    if (SAMPLE_STEP_TITLE.test(s.title.trim().toLowerCase())) {
      problems.push({ path: `steps[${i}].title`, message: `still holds the sample title "${s.title.trim()}": name what the step shows` });
    }
  });
  c.transcript.forEach((seg, i) => sample(problems, `transcript[${i}].text`, seg.text));
  c.reveal.forEach((item, i) => {
    const at = `reveal[${i}]`;
    if (item.kind === 'history' || item.kind === 'teaching-point') sample(problems, `${at}.text`, item.text);
    else if (item.kind === 'differential') item.entries.forEach((e, k) => sample(problems, `${at}.entries[${k}].diagnosis`, e.diagnosis));
    else {
      sample(problems, `${at}.diagnosis`, item.diagnosis);
      sample(problems, `${at}.proof`, item.proof);
    }
  });
  return problems;
}
