/**
 * Images the importer will not take without `--force`: pixels that may show a name. De-identifying the header
 * cannot help when the identity is burned into the image itself, and screenshots and secondary captures are
 * where that usually happens.
 */
import { firstString, strings, type DicomFile } from './dataset';

/** Secondary Capture Image Storage and its multi-frame variants. */
const SECONDARY_CAPTURE_CLASSES = new Map([
  ['1.2.840.10008.5.1.4.1.1.7', 'Secondary Capture'],
  ['1.2.840.10008.5.1.4.1.1.7.1', 'Multi-frame Single Bit Secondary Capture'],
  ['1.2.840.10008.5.1.4.1.1.7.2', 'Multi-frame Grayscale Byte Secondary Capture'],
  ['1.2.840.10008.5.1.4.1.1.7.3', 'Multi-frame Grayscale Word Secondary Capture'],
  ['1.2.840.10008.5.1.4.1.1.7.4', 'Multi-frame True Color Secondary Capture'],
]);

/** ImageType values that vendors use for screenshots of a workstation. */
const SCREEN_TYPES = new Set(['SCREEN', 'SCREEN SHOT', 'SCREENSHOT', 'SCREEN CAPTURE', 'CAPTURE', 'SCREEN_CAPTURE']);

/** Why the file must not be imported without `--force`, or null when it may be. */
export function refusalReason(file: DicomFile): string | null {
  const burned = firstString(file.dict, '00280301')?.trim().toUpperCase();
  if (burned === 'YES') return 'BurnedInAnnotation (0028,0301) is YES: text burned into the pixels may identify the patient';
  const sopClass = (firstString(file.dict, '00080016') ?? firstString(file.meta, '00020002') ?? '').trim();
  const sc = SECONDARY_CAPTURE_CLASSES.get(sopClass);
  if (sc) return `a ${sc} image (SOP class ${sopClass}): screen captures often show names burned into the pixels`;
  const screen = strings(file.dict, '00080008').map((t) => t.trim().toUpperCase()).find((t) => SCREEN_TYPES.has(t));
  if (screen) return `ImageType (0008,0008) contains ${screen}: a screenshot may show names burned into the pixels`;
  return null;
}
