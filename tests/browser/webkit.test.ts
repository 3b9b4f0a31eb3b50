/**
 * WebKit (Debian's WebKitGTK MiniBrowser under Xvfb, over classic WebDriver; the closest to Safari that runs here):
 * the seed case plays every step with its arrows, the answers stay gated, and a local DICOM file renders. The
 * checks are engine-checks.ts; the phone size is checked in Firefox (MiniBrowser's window is at least 447 px wide).
 */
import { inject, it } from 'vitest';
import { opensLocalFile, playSeedCase, revealNowShowsAnswers } from './engine-checks';
import { useWebKit } from './webkit-page';

const openPage = useWebKit();

it('plays every step of the seed case, arrows on the anatomy, answers absent until their step', async () => {
  const page = await openPage();
  await playSeedCase(page, inject('baseUrl'));
  await page.close();
});

it('"Reveal now" asks, then shows the differential', async () => {
  const page = await openPage();
  await revealNowShowsAnswers(page, inject('baseUrl'));
  await page.close();
});

it('renders a DICOM file chosen with the library file input', async () => {
  const page = await openPage();
  await opensLocalFile(page, inject('baseUrl'));
  await page.close();
});
