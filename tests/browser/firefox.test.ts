/**
 * Firefox (Debian's firefox-esr, over WebDriver BiDi): the seed case plays every step with its arrows, the answers
 * stay gated, a local DICOM file renders, and a phone-size window fits. The checks are engine-checks.ts.
 */
import { inject, it } from 'vitest';
import { opensLocalFile, phoneFits, playSeedCase, revealNowShowsAnswers } from './engine-checks';
import { useFirefox } from './firefox-page';

const openPage = useFirefox();

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

it('fits a phone (390x844): no sideways scroll, "Next step" on screen', async () => {
  const page = await openPage(390, 844);
  await phoneFits(page, inject('baseUrl'));
  await page.close();
});
