/**
 * Firefox (Debian's firefox-esr, over WebDriver BiDi): the seed case plays every step with its arrows, the answers
 * stay gated, a local DICOM file renders, and a phone-size window fits. The checks are engine-checks.ts.
 */
import { engineWalks } from './engine-checks';
import { useFirefox } from './firefox-page';

engineWalks(useFirefox(), { phone: true });
