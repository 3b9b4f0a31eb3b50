/**
 * Cross-checks a schema-valid case: the references between its parts, and (when the DICOM headers are known)
 * its references into the images. Each problem names the JSON path of the value that is wrong.
 */
import { formatPath, type CaseProblem } from './errors';
import { termKey } from './terms';
import type { Arrow, ParsedCase, ViewportCue } from './schema';
import { checkSampleText } from './sample-text';
import { checkReviewFields } from './cross-check-review';

/** What the case checker needs to know of one series, read from its DICOM headers. */
export interface SeriesFacts {
  imageCount: number;
  rows: number;
  columns: number;
  frameOfReferenceUID?: string;
}

export type SeriesFactsByKey = ReadonlyMap<string, SeriesFacts>;

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

function checkUnique(problems: CaseProblem[], list: string, ids: string[], field: string): void {
  const dup = duplicates(ids);
  ids.forEach((id, i) => {
    if (dup.has(id)) problems.push({ path: `${list}[${i}].${field}`, message: `"${id}" is used more than once` });
  });
}

function known(ids: Iterable<string>): string {
  return [...ids].join(', ');
}

/** What the deployment allows, for the checks that depend on it. A field left out is not checked. */
export interface CaseContext {
  /** Ids of the DICOMweb servers in the app's config (`config.json`); a series naming another is an error. */
  dicomwebServers?: ReadonlySet<string>;
}

/** References and ordering that need no images. */
export function checkStructure(c: ParsedCase, context: CaseContext = {}): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const seriesKeys = new Set(c.series.map((s) => s.key));
  const stepIds = c.steps.map((s) => s.id);
  const segmentIds = c.transcript.map((s) => s.id);

  checkUnique(problems, 'series', c.series.map((s) => s.key), 'key');
  const servers = context.dicomwebServers;
  c.series.forEach((s, i) => {
    if (!servers || !('source' in s) || servers.has(s.source.dicomweb.server)) return;
    problems.push({
      path: `series[${i}].source.dicomweb.server`,
      message: `unknown DICOMweb server "${s.source.dicomweb.server}" (the app's config.json allows: ${known(servers) || 'none'})`,
    });
  });
  checkUnique(problems, 'steps', stepIds, 'id');
  checkUnique(problems, 'transcript', segmentIds, 'id');
  checkUnique(problems, 'reveal', c.reveal.map((r) => r.id), 'id');

  // Times increase, and each step's segments stand together in the order the steps are listed.
  let stepCursor = -1;
  c.transcript.forEach((seg, i) => {
    const prev = c.transcript[i - 1];
    if (prev && seg.start <= prev.start) {
      problems.push({
        path: `transcript[${i}].start`,
        message: `${seg.start} s is not after the previous segment's start (${prev.start} s): times must increase`,
      });
    }
    if (seg.end !== undefined && seg.end <= seg.start) {
      problems.push({ path: `transcript[${i}].end`, message: `${seg.end} s is not after its start (${seg.start} s)` });
    }
    const stepIndex = stepIds.indexOf(seg.step);
    if (stepIndex < 0) {
      problems.push({ path: `transcript[${i}].step`, message: `unknown step "${seg.step}" (known: ${known(stepIds)})` });
    } else if (stepIndex < stepCursor) {
      problems.push({
        path: `transcript[${i}].step`,
        message: `step "${seg.step}" comes back after a later step: a step's segments must stand together, in the order of "steps"`,
      });
    } else stepCursor = stepIndex;
  });
  c.steps.forEach((step, i) => {
    if (!c.transcript.some((seg) => seg.step === step.id)) {
      problems.push({ path: `steps[${i}]`, message: `step "${step.id}" has no transcript segment` });
    }
    const landing = step.landing;
    if (landing !== undefined && landing !== 'first' && landing !== 'findings') {
      const own = c.transcript.filter((seg) => seg.step === step.id).map((seg) => seg.id);
      if (!own.includes(landing)) {
        problems.push({
          path: `steps[${i}].landing`,
          message: `"${landing}" is not a segment of step "${step.id}" (use "first", "findings" or one of: ${known(own)})`,
        });
      }
    }
  });
  const last = c.transcript[c.transcript.length - 1];
  if (c.duration !== undefined && last && c.duration <= last.start) {
    problems.push({ path: 'duration', message: `${c.duration} s ends before the last segment starts (${last.start} s)` });
  }

  // Cues: at a known segment, in transcript order, the first segment covered.
  let previousAt = -1;
  c.cues.forEach((cue, i) => {
    const at = segmentIds.indexOf(cue.at);
    if (at < 0) {
      problems.push({ path: `cues[${i}].at`, message: `unknown segment "${cue.at}"` });
    } else if (at <= previousAt) {
      problems.push({ path: `cues[${i}].at`, message: `segment "${cue.at}" is not after the previous cue's segment` });
    } else previousAt = at;
    for (const [name, vp] of Object.entries(cue.viewports)) {
      const path = `cues[${i}].viewports.${name}`;
      if (!seriesKeys.has(vp.series)) {
        problems.push({ path: `${path}.series`, message: `unknown series "${vp.series}" (known: ${known(seriesKeys)})` });
      }
      if (vp.window && vp.preset) {
        problems.push({ path: `${path}.preset`, message: 'give either "window" or "preset", not both' });
      }
    }
    cue.links.forEach((group, g) => {
      group.forEach((name, k) => {
        if (!(name in cue.viewports)) {
          problems.push({
            path: `cues[${i}].links[${g}][${k}]`,
            message: `"${name}" is not a viewport of this cue (it has: ${known(Object.keys(cue.viewports))})`,
          });
        }
      });
    });
  });
  const first = c.transcript[0];
  if (first && !c.cues.some((cue) => cue.at === first.id)) {
    problems.push({ path: 'cues', message: `the first segment "${first.id}" has no cue: say what the viewports show at the start` });
  }

  c.reveal.forEach((item, i) => {
    if (!stepIds.includes(item.revealAt)) {
      problems.push({ path: `reveal[${i}].revealAt`, message: `unknown step "${item.revealAt}" (known: ${known(stepIds)})` });
    }
  });
  checkTeaching(problems, c, stepIds);
  checkQuizAnswers(problems, c);
  // A final diagnosis missing from the differential is no error: the quiz scores it as one more entry.
  problems.push(...checkSampleText(c));
  problems.push(...checkReviewFields(c));
  return problems;
}

/** The teaching-mode fields: vocabulary, its references, spoiler tags and speaker notes. */
function checkTeaching(problems: CaseProblem[], c: ParsedCase, stepIds: string[]): void {
  const vocabIds = c.vocabulary.map((v) => v.id);
  checkUnique(problems, 'vocabulary', vocabIds, 'id');
  // A name or synonym in two entries would make a learner's answer match two diagnoses.
  const owner = new Map<string, string>();
  c.vocabulary.forEach((v, i) => {
    const names: Array<[string, string]> = [[`vocabulary[${i}].name`, v.name]];
    v.synonyms.forEach((syn, k) => names.push([`vocabulary[${i}].synonyms[${k}]`, syn]));
    const own = new Set<string>();
    for (const [path, name] of names) {
      const key = termKey(name);
      const other = owner.get(key);
      if (other !== undefined && other !== v.id) {
        problems.push({ path, message: `"${name}" is also a name of vocabulary entry "${other}": a synonym must belong to one entry` });
      } else if (own.has(key)) {
        problems.push({ path, message: `"${name}" repeats another name of this entry` });
      }
      own.add(key);
      if (other === undefined) owner.set(key, v.id);
    }
  });
  const checkVocabRef = (path: string, id: string | undefined): void => {
    if (id !== undefined && !vocabIds.includes(id)) {
      problems.push({ path, message: `unknown vocabulary entry "${id}" (known: ${known(vocabIds) || 'none'})` });
    }
  };
  c.reveal.forEach((item, i) => {
    if (item.kind === 'differential') {
      item.entries.forEach((e, k) => checkVocabRef(`reveal[${i}].entries[${k}].vocabularyId`, e.vocabularyId));
    } else if (item.kind === 'diagnosis') checkVocabRef(`reveal[${i}].vocabularyId`, item.vocabularyId);
  });
  c.spoilerTags.forEach((tag, i) => {
    if (!c.tags.includes(tag)) {
      problems.push({ path: `spoilerTags[${i}]`, message: `"${tag}" is not one of the case's tags (${known(c.tags) || 'none'})` });
    }
  });
  for (const stepId of Object.keys(c.speakerNotes)) {
    if (!stepIds.includes(stepId)) {
      problems.push({ path: formatPath(['speakerNotes', stepId]), message: `unknown step "${stepId}" (known: ${known(stepIds)})` });
    }
  }
}

function pointInside(p: readonly [number, number], f: SeriesFacts): boolean {
  return p[0] >= 0 && p[1] >= 0 && p[0] <= f.columns - 1 && p[1] <= f.rows - 1;
}

function checkIndex(problems: CaseProblem[], path: string, index: number, key: string, f: SeriesFacts): void {
  if (index > f.imageCount - 1) {
    problems.push({ path, message: `${index} is past the last image (${f.imageCount - 1}) of series "${key}"` });
  }
}

function checkArrow(problems: CaseProblem[], path: string, a: Arrow, vp: ViewportCue, f: SeriesFacts): void {
  if (a.imageIndex !== undefined) checkIndex(problems, `${path}.imageIndex`, a.imageIndex, vp.series, f);
  const size = `${f.columns}x${f.rows}`;
  if (!pointInside(a.tip, f)) {
    problems.push({ path: `${path}.tip`, message: `[${a.tip.join(', ')}] is outside the ${size} image of series "${vp.series}"` });
  }
  if (a.tail && !pointInside(a.tail, f)) {
    problems.push({ path: `${path}.tail`, message: `[${a.tail.join(', ')}] is outside the ${size} image of series "${vp.series}"` });
  }
}

/** References into the images: indices in range, points inside, linked series on one frame of reference. */
export function checkAgainstImages(c: ParsedCase, facts: SeriesFactsByKey): CaseProblem[] {
  const problems: CaseProblem[] = [];
  c.cues.forEach((cue, i) => {
    for (const [name, vp] of Object.entries(cue.viewports)) {
      const f = facts.get(vp.series);
      if (!f) continue; // unknown series or unreadable files: reported elsewhere
      const path = `cues[${i}].viewports.${name}`;
      checkIndex(problems, `${path}.imageIndex`, vp.imageIndex, vp.series, f);
      if (vp.sweep) {
        checkIndex(problems, `${path}.sweep.from`, vp.sweep.from, vp.series, f);
        checkIndex(problems, `${path}.sweep.to`, vp.sweep.to, vp.series, f);
      }
      vp.arrows.forEach((a, k) => checkArrow(problems, `${path}.arrows[${k}]`, a, vp, f));
      if (vp.region) {
        const [x0, y0, x1, y1] = vp.region.box;
        // A captured view may show background beside the image: the box must only overlap the image.
        const overlaps = x0 <= f.columns - 1 && y0 <= f.rows - 1 && x1 >= 0 && y1 >= 0;
        if (!overlaps || x1 <= x0 || y1 <= y0) {
          problems.push({ path: `${path}.region.box`, message: `[${vp.region.box.join(', ')}] is not a rectangle over the ${f.columns}x${f.rows} image` });
        }
      }
    }
    cue.links.forEach((group, g) => {
      const frames = group.map((name) => {
        const vp = cue.viewports[name];
        // A series not known (yet: author mode learns them as they open) is not judged.
        return vp && facts.has(vp.series) ? { name, series: vp.series, frame: facts.get(vp.series)?.frameOfReferenceUID } : null;
      });
      const firstFrame = frames[0];
      frames.forEach((fr, k) => {
        if (!fr || !firstFrame || k === 0) return;
        if (fr.frame !== firstFrame.frame) {
          problems.push({
            path: `cues[${i}].links[${g}][${k}]`,
            message: `series "${fr.series}" is on another frame of reference than "${firstFrame.series}": linked viewports must share one`,
          });
        }
      });
    });
  });
  return problems;
}

/**
 * The quiz's extra answers: an acceptable alternative that is already on the differential would be counted as
 * neither, and a conditional final diagnosis would make the case's own answer worth nothing.
 */
function checkQuizAnswers(problems: CaseProblem[], c: ParsedCase): void {
  const dx = c.reveal.find((r) => r.kind === 'diagnosis');
  c.reveal.forEach((item, i) => {
    if (item.kind !== 'differential') return;
    const listed = new Set(item.entries.map((e) => termKey(e.diagnosis)));
    (item.acceptable ?? []).forEach((a, k) => {
      if (listed.has(termKey(a))) problems.push({ path: `reveal[${i}].acceptable[${k}]`, message: `"${a}" is on the differential already` });
    });
    item.entries.forEach((e, k) => {
      const isFinal =
        dx?.kind === 'diagnosis' &&
        ((dx.vocabularyId !== undefined && dx.vocabularyId === e.vocabularyId) || termKey(dx.diagnosis) === termKey(e.diagnosis));
      if (e.conditional !== undefined && isFinal) {
        problems.push({ path: `reveal[${i}].entries[${k}].conditional`, message: 'the final diagnosis cannot be conditional: this patient has it' });
      }
    });
  });
}
