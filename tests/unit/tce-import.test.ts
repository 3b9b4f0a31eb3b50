/**
 * Issue 22 item 1, without an archive: TCE objects made around real images (tests/fixtures/tce-fixtures.ts) go
 * through the importer; the draft must have a step per key image in the manifest's order, the presentation
 * state's view on its key image, the ATFI fields, and no planted identifier anywhere in what it writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readDicomFile, type Dataset } from '../../src/dicom/deid/dataset';
import { importTce, type TceImportResult } from '../../src/dicom/tce/import-tce';
import { readManifest } from '../../src/dicom/tce/kos';
import { readAtfi } from '../../src/dicom/tce/atfi';
import { parseCase } from '../../src/case/parse';
import { buildTceFixtures, PLANTED_STRINGS, type TceFixtures } from '../fixtures/tce-fixtures';

let fx: TceFixtures;
const ds = (bytes: Uint8Array): Dataset => readDicomFile(bytes).dict;

function run(manifest: Uint8Array, presentationStates = [fx.gsps.bytes, fx.gspsOther.bytes]): TceImportResult {
  return importTce(
    { manifest: ds(manifest), reports: [ds(fx.atfi.bytes)], presentationStates: presentationStates.map(ds), images: fx.images.map((f) => ({ ...f, bytes: f.bytes.slice() })) },
    { caseId: 'tce-draft', salt: 'fixed-salt' },
  );
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

beforeAll(() => {
  fx = buildTceFixtures();
});

describe('TCE manifests', () => {
  it('reads purpose, delay reasons, description and key images in order', () => {
    const m = readManifest(ds(fx.teaching.bytes));
    expect(m.purpose).toBe('teaching');
    expect(m.delays).toEqual(['TCE011']);
    expect(m.description).toBe(fx.description);
    expect(m.keyImages.map((k) => k.sopInstanceUid)).toEqual(fx.keyImages.map((k) => k.sopInstanceUid));
    expect(readManifest(ds(fx.trial.bytes)).purpose).toBe('clinical-trial');
  });

  it('names a broken ATFI item and still reads the rest', () => {
    const a = readAtfi(ds(fx.atfi.bytes));
    expect(a.problems).toEqual(['item 6 (Finding, 121071 DCM): a TEXT item without its Text Value']);
    expect(a.fields.level?.[0]?.code).toBe('TCE203');
  });
});

describe('importing a manifest', () => {
  let r: TceImportResult;
  beforeAll(() => {
    r = run(fx.teaching.bytes);
  });

  it('makes a valid draft: one step per key image in the manifest order, each cue on its image', () => {
    const c = r.caseFile;
    const parsed = parseCase(c);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(c.steps.map((s) => s.title)).toEqual(['Key image 1', 'Key image 2', 'Key image 3']);
    const series = r.series[0]!;
    c.cues.forEach((cue, i) => {
      const vp = cue.viewports.main!;
      // The file at the cue's index is the key image: the instance number survives de-identification.
      const file = ds(series.files[vp.imageIndex]!);
      expect(Number(file['00200013']?.Value?.[0])).toBe(fx.keyImages[i]!.instanceNumber);
    });
    expect(r.missing).toEqual([]);
  });

  it("gives key image 2 its presentation state's window, area and labelled arrow, and ignores the other", () => {
    const vp = r.caseFile.cues[1]!.viewports.main!;
    expect(vp.window).toEqual({ center: 300, width: 600 });
    expect(vp.region).toEqual({ box: [64, 64, 191, 191] });
    expect(vp.arrows).toEqual([{ tip: [140, 120], tail: [100, 80], label: 'L2 ([name])' }]);
    expect(r.caseFile.cues[0]!.viewports.main!.arrows).toEqual([]);
    expect(r.notes).toContain('presentation state "OTHERVIEW" references no key image of the manifest: ignored');
  });

  it('puts the description in the first segment and the speaker notes, and the ATFI items in the case', () => {
    const c = r.caseFile;
    expect(c.transcript[0]!.text).toBe('Marrow replacement at L2 in [name] [name]: a good case for residents.');
    expect(c.speakerNotes?.['key-image-1']).toBe(c.transcript[0]!.text);
    expect(c.title).toBe('Vertebral metastasis');
    expect(c.summary).toBe('Sagittal T1 of the lumbar spine; Mrs [name] was scanned on [date].');
    expect(c.tags).toEqual(['Spine', 'Marrow', 'Lumbar spine', 'Neoplasm', 'Musculoskeletal']);
    expect(c.difficulty).toBe('advanced');
    expect(c.imageCredit).toContain('Dr A. Teacher');
    expect(c.findings).toEqual([{ text: 'Low T1 signal of the L2 vertebral body', match: [], step: 'key-image-1' }]);
    const kinds = Object.fromEntries((c.reveal ?? []).map((x) => [x.kind, x]));
    expect(kinds.history).toMatchObject({ text: '[name] [name], born [date], back pain for six weeks (ID [id]).' });
    expect(kinds.differential).toMatchObject({ entries: [{ diagnosis: 'Metastasis' }, { diagnosis: 'Lymphoma' }, { diagnosis: 'Myeloma' }] });
    expect(kinds.diagnosis).toMatchObject({ diagnosis: 'Vertebral metastasis' });
    expect(kinds['teaching-point']).toMatchObject({ text: expect.stringContaining('Marrow replacement') });
    expect(r.notes).toContain('ATFI report: item 6 (Finding, 121071 DCM): a TEXT item without its Text Value');
    expect(r.replaced).toEqual(expect.arrayContaining([{ field: 'History', kind: 'name', count: 2 }, { field: 'History', kind: 'date', count: 1 }]));
  });

  it('leaves no planted identifier in any file or in case.json', () => {
    const texts = [JSON.stringify(r.caseFile), JSON.stringify(r.report), ...r.series.flatMap((s) => s.files.map(latin1))];
    for (const planted of PLANTED_STRINGS) for (const t of texts) expect(t.includes(planted), planted).toBe(false);
  });
});

it('a manifest naming an image the archive lacks gives a draft of what exists and names the missing one', () => {
  const r = run(fx.partial.bytes, []);
  expect(r.caseFile.steps.map((s) => s.title)).toEqual(['Key image 1']);
  expect(r.missing).toEqual([{ keyImage: 2, sopInstanceUid: fx.partial.missingUid }]);
  expect(readManifest(ds(fx.partial.bytes)).delays).toEqual(['TCE013']);
});
