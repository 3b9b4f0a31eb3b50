/** A case file can only point the viewer at files in its own folder on the app's own host. */
import { expect, it } from 'vitest';
import { casePathProblem } from '../../src/case/paths';
import { caseFileUrl } from '../../src/dicom/case-files';
import { parseCase } from '../../src/case/parse';
import { minimalCase } from '../fixtures/minimal-case';

const BASE = 'http://teaching.example/app/cases/demo/';

it('accepts paths inside the case folder and refuses URLs and ways out', () => {
  for (const ok of ['series/t1/0001.dcm', './series/x.dcm', 'a/../b.dcm', 'narration.mp3']) {
    expect(casePathProblem(ok), ok).toBeUndefined();
    expect(caseFileUrl(BASE, ok).startsWith(BASE)).toBe(true);
  }
  for (const bad of ['https://evil.example/x.dcm', 'https:/evil.example/x.dcm', 'HTTP://x', '//evil.example/x', '/etc/passwd', '../other/case.json', 'a/../../b', 'data:application/dicom;base64,AA', 'javascript:alert(1)', 'series\\..\\..\\x', 'x.dcm?download=1']) {
    expect(casePathProblem(bad), bad).toBeDefined();
    expect(() => caseFileUrl(BASE, bad), bad).toThrow();
  }
});

it('names the field of a case that points outside its folder', () => {
  const json = minimalCase() as { series: Array<Record<string, unknown>>; narration?: unknown };
  json.series[1] = { ...json.series[1], files: ['https://evil.example/1.dcm'] };
  json.narration = { src: '//evil.example/track.mp3' };
  const parsed = parseCase(json);
  expect(parsed.ok).toBe(false);
  const paths = parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
  expect(paths).toContain('series[1].files[0]: should be a path inside the case folder, not a URL');
  expect(paths).toContain('narration.src: should be a path relative to the case folder, not one starting with "/"');
});
