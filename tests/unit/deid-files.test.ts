/**
 * De-identification of real files with identifiers (SAG-anon, pydicom's CT_small and MR_small) and of a
 * synthetic file with identifiers nested two sequences deep. Every check reads the written bytes back.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import dicomParser from 'dicom-parser';
import { importCase, type ImportResult, type SourceFile } from '../../src/dicom/import/import-case';
import { setValues } from '../../src/dicom/deid/dataset';
import { dateOffsetFromSalt, hashedUid } from '../../src/dicom/deid/uid-map';
import { allTags, containsText, modified, parse, pixelBytes, PYDICOM_DIR, sagSources, source, valuesAnywhere } from './import-fixtures';

const SALT = 'test salt';
const CASE_ID = 'deid-test';

const ct = source(join(PYDICOM_DIR, 'CT_small.dcm'));
const mr = source(join(PYDICOM_DIR, 'MR_small.dcm'));
const uidOf = (s: SourceFile, tag: string): string => parse(s.bytes).string(tag) ?? '';

/** MR_small as another instance, with a patient name, a birth date and a private element two sequences down. */
const nested: SourceFile = {
  name: 'nested.dcm',
  bytes: modified(mr.bytes, (f) => {
    setValues(f.meta, '00020003', 'UI', ['1.2.826.0.1.3680043.99.1']);
    setValues(f.dict, '00080018', 'UI', ['1.2.826.0.1.3680043.99.1']);
    setValues(f.dict, '0020000E', 'UI', ['1.2.826.0.1.3680043.99.2']);
    setValues(f.dict, '00100010', 'PN', [{ Alphabetic: 'Synthetic^Person' }]);
    setValues(f.dict, '00082112', 'SQ', [
      {
        '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
        '00081155': { vr: 'UI', Value: [uidOf(ct, 'x00080018')] },
        '0040A170': {
          vr: 'SQ',
          Value: [
            {
              '00080100': { vr: 'SH', Value: ['121320'] },
              '00080102': { vr: 'SH', Value: ['DCM'] },
              '00080104': { vr: 'LO', Value: ['Uncompressed predecessor'] },
              '00081155': { vr: 'UI', Value: [uidOf(mr, 'x00080018')] },
              '00090010': { vr: 'LO', Value: ['ACMEPRIVATE'] },
              '00091010': { vr: 'LO', Value: ['PRIVSECRET'] },
              '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Nested^Secret' }] },
              '00100030': { vr: 'DA', Value: ['19870605'] },
              '00321032': { vr: 'PN', Value: [{ Alphabetic: 'Requesting^Doctor' }] },
            },
          ],
        },
      },
    ]);
  }),
};

/** What must not survive, per source; checked in every output file. */
const SECRETS = [
  // CT_small: names, IDs (also in OtherPatientIDsSequence), institution, station, dates, original UIDs, private creators
  'CompressedSamples', '1CT1', 'ABCD1234', '1234ABCD', 'JFK IMAGING', 'CT01_OC0', '20040119', '19970430', '1.3.6.1.4.1.5962.1.', 'GEMS_',
  // MR_small
  '4MR1', '20040826',
  // the synthetic file
  'Synthetic', 'Nested', 'Secret', '19870605', 'PRIVSECRET', 'ACMEPRIVATE', 'Requesting^Doctor', '1.2.826.0.1.3680043.99',
  // SAG-anon: patient ID, birth date, study date, accession, station, serial, institution, people, order IDs, original UIDs
  '1449c1d', '20090701', '20130308', '98edede8b2', 'AWP45152', '45152', 'Institution', 'Physician', 'OperatorsName', '4101374',
  'CHLD_MA', '1.3.12.2.1107', '1.2.840.113845',
];

const sag = sagSources(8);
const inputs = [ct, mr, nested, ...sag];
let result: ImportResult;
/** Output bytes by the SOP instance UID the input had. */
const outputOf = new Map<string, Uint8Array>();

beforeAll(() => {
  result = importCase(inputs, { caseId: CASE_ID, salt: SALT });
  const bySop = new Map(result.series.flatMap((s) => s.files).map((b) => [parse(b).string('x00080018'), b]));
  for (const s of inputs) {
    const out = bySop.get(hashedUid(SALT, uidOf(s, 'x00080018')));
    if (out) outputOf.set(uidOf(s, 'x00080018'), out);
  }
});

const outputs = (): Uint8Array[] => result.series.flatMap((s) => s.files);
const out = (s: SourceFile): Uint8Array => {
  const o = outputOf.get(uidOf(s, 'x00080018'));
  if (!o) throw new Error(`no output for ${s.name}`);
  return o;
};

describe('de-identifying real files', () => {
  it('imports every input, one output per input', () => {
    expect(result.quarantined).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(outputs()).toHaveLength(inputs.length);
    expect(outputOf.size).toBe(inputs.length);
  });

  it('leaves none of the original identifying values anywhere in the output bytes', () => {
    for (const s of inputs) {
      // The secrets really are in the inputs (the test would prove nothing otherwise).
      expect(SECRETS.some((secret) => containsText(s.bytes, secret)), s.name).toBe(true);
    }
    const found = outputs().flatMap((b, i) => SECRETS.filter((secret) => containsText(b, secret)).map((secret) => `output ${i}: ${secret}`));
    expect(found).toEqual([]);
    // SAG-anon's placeholders "Institution", "Physician" and "OperatorsName" are also attribute keywords, which the
    // report names; the other values must not appear in it.
    const placeholders = ['Institution', 'Physician', 'OperatorsName'];
    const report = JSON.stringify(result.report);
    expect(SECRETS.filter((secret) => !placeholders.includes(secret) && report.includes(secret))).toEqual([]);
  });

  it('removes every private element, at every depth', () => {
    expect(allTags(parse(nested.bytes)).some((t) => parseInt(t.slice(1, 5), 16) % 2 === 1)).toBe(true);
    for (const b of outputs()) {
      expect(allTags(parse(b)).filter((t) => parseInt(t.slice(1, 5), 16) % 2 === 1)).toEqual([]);
    }
  });

  it('replaces PatientName and PatientID with the case id and empties the birth date, at every depth', () => {
    for (const b of outputs()) {
      const ds = parse(b);
      const names = valuesAnywhere(ds, 'x00100010');
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => n !== CASE_ID)).toEqual([]);
      expect(ds.string('x00100020')).toBe(CASE_ID);
      expect(valuesAnywhere(ds, 'x00100030').filter((v) => v !== '')).toEqual([]);
    }
    const nestedItem = parse(out(nested)).elements.x00082112?.items?.[0]?.dataSet?.elements.x0040a170?.items?.[0]?.dataSet;
    expect(nestedItem?.string('x00080100')).toBe('121320');
    expect(nestedItem?.elements.x00321032).toBeUndefined();
  });

  it('says it is de-identified, how, and that dates were modified', () => {
    for (const b of outputs()) {
      const ds = parse(b);
      expect(ds.string('x00120062')).toBe('YES');
      expect(ds.string('x00120063')).toMatch(/Basic Profile/);
      expect(ds.string('x00280303')).toBe('MODIFIED');
      const codes = (ds.elements.x00120064?.items ?? []).map((i) => `${i.dataSet?.string('x00080102')}:${i.dataSet?.string('x00080100')}`);
      expect(codes).toEqual(['DCM:113100', 'DCM:113107', 'DCM:113105']);
    }
  });

  it('replaces every instance UID consistently: the same input UID gives the same output UID in every file', () => {
    const sagOut = sag.map(out).map(parse);
    for (const tag of ['x0020000d', 'x0020000e', 'x00200052']) {
      const originals = new Set(sag.map((s) => uidOf(s, tag)));
      expect(originals.size, tag).toBe(1); // one study, series and frame of reference in SAG-anon
      const outs = new Set(sagOut.map((ds) => ds.string(tag)));
      expect([...outs], tag).toEqual([hashedUid(SALT, [...originals][0]!)]);
    }
    for (const s of inputs) {
      const ds = parse(out(s));
      const sop = ds.string('x00080018') ?? '';
      expect(sop).toMatch(/^2\.25\.\d+$/);
      expect(sop).not.toBe(uidOf(s, 'x00080018'));
      expect(ds.string('x00020003')).toBe(sop); // MediaStorageSOPInstanceUID follows
    }
    // References inside sequences point at the new UIDs of the same images.
    const refs = (b: Uint8Array): string[] => valuesAnywhere(parse(b), 'x00081155');
    const sagRefsIn = new Set(sag.flatMap((s) => refs(s.bytes)));
    const sagRefsOut = new Set(sag.map(out).flatMap(refs));
    expect(sagRefsIn.size).toBeGreaterThan(0);
    expect(sagRefsOut).toEqual(new Set([...sagRefsIn].map((u) => hashedUid(SALT, u))));
    const nestedRefs = refs(out(nested));
    expect(nestedRefs).toEqual([parse(out(ct)).string('x00080018'), parse(out(mr)).string('x00080018')]);
  });

  it('shifts every date by the same number of days and keeps the times', () => {
    const offset = dateOffsetFromSalt(SALT);
    const days = (da: string): number => Date.UTC(+da.slice(0, 4), +da.slice(4, 6) - 1, +da.slice(6, 8)) / 86_400_000;
    const seen = new Set<number>();
    for (const s of inputs) {
      const before = parse(s.bytes);
      const after = parse(out(s));
      for (const tag of ['x00080012', 'x00080020', 'x00080021', 'x00080022', 'x00080023', 'x00400244']) {
        const a = before.string(tag);
        if (!a) continue;
        seen.add(days(after.string(tag) ?? '') - days(a));
      }
      for (const tag of ['x00080030', 'x00080031', 'x00080032', 'x00080033']) expect(after.string(tag)).toBe(before.string(tag));
    }
    expect([...seen]).toEqual([offset]);
    expect(offset).toBeLessThan(0);
  });

  it('writes the pixel data byte for byte as it was', () => {
    for (const s of inputs) expect(Buffer.from(pixelBytes(out(s))).equals(Buffer.from(pixelBytes(s.bytes))), s.name).toBe(true);
  });

  it('keeps clean descriptions and counts changes without values', () => {
    expect(parse(out(sag[0]!)).string('x0008103e')).toBe('SAG MPRAGE 220 FOV');
    const counts = result.report.counts.attributes;
    // One per file, and one more for the name nested in the synthetic file.
    expect(counts['(0010,0010) PatientName']?.['replaced-with-case-id']).toBe(inputs.length + 1);
    expect(counts['(0010,1002) OtherPatientIDsSequence']?.removed).toBe(1);
    expect(result.report.counts.privateElementsRemoved).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same input and salt, other UIDs for another salt', () => {
    const again = importCase(sag.slice(0, 4), { caseId: CASE_ID, salt: SALT }).series[0]!.files;
    const first4 = sag.slice(0, 4).map(out);
    const sortedSop = (files: Uint8Array[]) => files.map((b) => dicomParser.parseDicom(b).string('x00080018')).sort();
    expect(sortedSop(again)).toEqual(sortedSop(first4));
    const other = importCase(sag.slice(0, 1), { caseId: CASE_ID, salt: 'another salt' }).series[0]!.files[0]!;
    expect(parse(other).string('x0020000d')).not.toBe(parse(first4[0]!).string('x0020000d'));
  });
});
