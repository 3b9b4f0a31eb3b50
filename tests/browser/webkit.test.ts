/**
 * WebKit (Debian's WebKitGTK MiniBrowser under Xvfb, over classic WebDriver; the closest to Safari that runs here):
 * the seed case plays every step with its arrows, the answers stay gated, and a local DICOM file renders. The
 * checks are engine-checks.ts; the phone size is checked in Firefox (MiniBrowser's window is at least 447 px wide).
 */
import { engineWalks } from './engine-checks';
import { useWebKit } from './webkit-page';

engineWalks(useWebKit(), { phone: false });
