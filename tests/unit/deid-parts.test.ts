/** The de-identifier's parts on their own: hashing, UIDs, dates, descriptors, the profile table. */
import { describe, expect, it } from 'vitest';
import { sha256Text } from '../../src/dicom/deid/sha256';
import { dateOffsetFromSalt, hashedUid, UidMap } from '../../src/dicom/deid/uid-map';
import { shiftDate, shiftDateTime } from '../../src/dicom/deid/dates';
import { cleanDescriptor } from '../../src/dicom/deid/clean-descriptors';
import { PROFILE_TABLE } from '../../src/dicom/deid/profile-table';
import { keywordOf } from '../../src/dicom/deid/dataset';
import { DEID_METHOD_TEXT } from '../../src/dicom/deid/method';
import { unsafeNameReason } from '../../src/dicom/package/safe-unzip';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256Text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256Text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256Text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  it('hashes inputs longer than one block', () => {
    expect(hex(sha256Text('a'.repeat(1000)))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
});

describe('UID replacement', () => {
  it('gives a valid 2.25 UID, the same for the same input and salt, different otherwise', () => {
    const uid = hashedUid('salt', '1.2.3.4');
    expect(uid).toMatch(/^2\.25\.(0|[1-9]\d*)$/);
    expect(uid.length).toBeLessThanOrEqual(64);
    expect(hashedUid('salt', '1.2.3.4')).toBe(uid);
    expect(hashedUid('other salt', '1.2.3.4')).not.toBe(uid);
    expect(hashedUid('salt', '1.2.3.5')).not.toBe(uid);
  });
  it('ignores the padding a UID may carry and counts distinct UIDs', () => {
    const map = new UidMap('s');
    expect(map.map('1.2.3\0')).toBe(map.map('1.2.3'));
    map.map('1.2.4');
    expect(map.size).toBe(2);
  });
  it('derives a date offset of 1 to 10 years back from the salt', () => {
    const offsets = ['a', 'b', 'c', 'd'].map(dateOffsetFromSalt);
    for (const d of offsets) expect(d).toBeGreaterThanOrEqual(-3650), expect(d).toBeLessThanOrEqual(-365);
    expect(new Set(offsets).size).toBeGreaterThan(1);
    expect(dateOffsetFromSalt('a')).toBe(offsets[0]);
  });
});

describe('date shifting', () => {
  it('moves DA values across months, years and leap days', () => {
    expect(shiftDate('20130308', -10)).toBe('20130226');
    expect(shiftDate('20120301', -1)).toBe('20120229');
    expect(shiftDate('20000101', -1)).toBe('19991231');
    expect(shiftDate('2013.03.08', 1)).toBe('20130309');
    expect(shiftDate('', 5)).toBe('');
  });
  it('refuses what is not a date', () => {
    expect(shiftDate('20130230', 1)).toBeNull();
    expect(shiftDate('March 8', 1)).toBeNull();
  });
  it('moves the date part of DT values and keeps time, fraction and zone', () => {
    expect(shiftDateTime('20130308081103.184000+0100', -8)).toBe('20130228081103.184000+0100');
    expect(shiftDateTime('201303', -40)).toBe('201302');
    expect(shiftDateTime('2013', -400)).toBe('2012');
  });
});

describe('clean descriptors', () => {
  it('keeps a description made only of technical words, as written', () => {
    expect(cleanDescriptor('SAG MPRAGE 220 FOV')).toEqual({ value: 'SAG MPRAGE 220 FOV', outcome: 'kept' });
    expect(cleanDescriptor('MR-Brain w/o Contrast')).toEqual({ value: 'MR-Brain w/o Contrast', outcome: 'kept' });
    expect(cleanDescriptor('T2W_TSE_AX 3mm')).toEqual({ value: 'T2W_TSE_AX 3mm', outcome: 'kept' });
  });
  it('drops every word that is not on the list: names, IDs, long numbers, dates', () => {
    expect(cleanDescriptor('T1 SAG Dr Smith')).toEqual({ value: 'T1 SAG', outcome: 'reduced' });
    expect(cleanDescriptor('Brain 1449c1d 20130308')).toEqual({ value: 'Brain', outcome: 'reduced' });
    expect(cleanDescriptor('John Doe')).toEqual({ value: null, outcome: 'removed' });
  });
});

describe('the profile table', () => {
  it('names every tag by its DICOM keyword, once', () => {
    const wrong = PROFILE_TABLE.filter(([tag, keyword]) => keywordOf(tag) !== keyword).map(([t, k]) => `${t} ${k} (dictionary: ${keywordOf(t)})`);
    expect(wrong).toEqual([]);
    expect(new Set(PROFILE_TABLE.map(([tag]) => tag)).size).toBe(PROFILE_TABLE.length);
  });
  it('covers the identifiers the Basic Profile is about', () => {
    const keywords = new Set(PROFILE_TABLE.map(([, k]) => k));
    for (const k of ['PatientName', 'PatientID', 'PatientBirthDate', 'PatientAddress', 'OtherPatientIDsSequence', 'InstitutionName',
      'ReferringPhysicianName', 'PerformingPhysicianName', 'OperatorsName', 'AccessionNumber', 'DeviceSerialNumber', 'StationName',
      'StudyID', 'ReferencedPatientSequence', 'RequestAttributesSequence', 'StudyInstanceUID', 'SeriesInstanceUID', 'SOPInstanceUID',
      'FrameOfReferenceUID', 'MediaStorageSOPInstanceUID', 'SeriesDescription', 'StudyDescription', 'ProtocolName', 'ImageComments']) {
      expect(keywords, k).toContain(k);
    }
  });
  it('says what it did within the 64 characters of an LO', () => {
    expect(DEID_METHOD_TEXT.length).toBeLessThanOrEqual(64);
  });
});

describe('zip entry names', () => {
  it('refuses names that leave the archive folder', () => {
    expect(unsafeNameReason('../evil.dcm')).toMatch(/climbs out/);
    expect(unsafeNameReason('a/../../evil.dcm')).toMatch(/climbs out/);
    expect(unsafeNameReason('a\\..\\evil.dcm')).toMatch(/climbs out/);
    expect(unsafeNameReason('/etc/x')).toMatch(/absolute/);
    expect(unsafeNameReason('C:/x.dcm')).toMatch(/drive/);
    expect(unsafeNameReason('C:x.dcm')).toMatch(/drive/);
    expect(unsafeNameReason('series/a..b/0001.dcm')).toBeNull();
  });
});
