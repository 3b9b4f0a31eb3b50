// Copies a small subset of /work/shared/dicom into dev/viewer-harness/public-data for the harness page
// (git-ignored there), and writes one made-up series whose header windows are all useless.
//   node dev/viewer-harness/make-data.mjs
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import dcmjs from 'dcmjs';

const shared = '/work/shared/dicom';
const out = new URL('./public-data/', import.meta.url).pathname;
const dir = (name) => {
  mkdirSync(out + name, { recursive: true });
  return `${out}${name}/`;
};
const pad = (n) => String(n).padStart(4, '0');

// 20 mid-sagittal MR slices (the brain, not the scalp at the edges).
const sagAll = readdirSync(`${shared}/SAG-anon`).filter((f) => f.endsWith('.dcm')).sort();
const sag = dir('sag');
sagAll.slice(86, 106).forEach((f, i) => copyFileSync(`${shared}/SAG-anon/${f}`, `${sag}${pad(i + 1)}.dcm`));

// 10 CT slices of the tilted GE head.
const ct = dir('ct');
for (let n = 5; n <= 14; n++) {
  const name = `${String(n).padStart(2, '0')}.dcm`;
  copyFileSync(`${shared}/dcm_qa_ct/In/GE/${name}`, `${ct}${name}`);
}

// Files that must fail, each in its own way.
const bad = dir('bad');
writeFileSync(`${bad}notdicom.dcm`, 'hello, not dicom\n');
writeFileSync(`${bad}text.dcm`, 'This is a plain text file, long enough to have a byte 128. '.repeat(10));

// Deflated transfer syntax and a plain NEMA CT for comparison.
const deflate = dir('deflate');
copyFileSync(`${shared}/dicomParser/testImages/deflate/image_dfl`, `${deflate}image_dfl.dcm`);
copyFileSync(`${shared}/dicomParser/testImages/CT1_UNC.explicit_little_endian.dcm`, `${deflate}ct1_le.dcm`);

// Five mid slices whose every header says 11/22 (SAG-anon's first slice's window) while pixels reach ~600.
const useless = dir('sag-useless-window');
sagAll.slice(93, 98).forEach((f, i) => {
  const bytes = readFileSync(`${shared}/SAG-anon/${f}`);
  const file = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  file.dict['00281050'] = { vr: 'DS', Value: [11] };
  file.dict['00281051'] = { vr: 'DS', Value: [22] };
  writeFileSync(`${useless}${pad(i + 1)}.dcm`, Buffer.from(file.write()));
});

// Five good slices and a sixth cut short inside its pixel data: the header reads, the image cannot be decoded.
const truncated = dir('sag-truncated');
sagAll.slice(100, 106).forEach((f, i) => {
  const bytes = readFileSync(`${shared}/SAG-anon/${f}`);
  writeFileSync(`${truncated}${pad(i + 1)}.dcm`, i === 3 ? bytes.subarray(0, bytes.length - 60000) : bytes);
});

writeFileSync(`${out}.gitignore`, '# Test DICOM copied by make-data.mjs; not for committing.\n*\n');
console.log(`wrote ${out}`);
