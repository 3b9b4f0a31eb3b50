/**
 * The part of dcmjs that the de-identifier uses (dcmjs ships no type declarations). Values stay `unknown`
 * on purpose: every reader narrows them, because a file from outside may hold anything.
 */
declare module 'dcmjs' {
  /** One element as dcmjs reads it: the VR, its values, and the bytes as read (used when unchanged). */
  export interface DcmjsElement {
    vr: string;
    Value?: unknown[];
    _rawValue?: unknown;
  }
  export type DcmjsDataset = Record<string, DcmjsElement>;

  export interface DcmjsDicomDict {
    meta: DcmjsDataset;
    dict: DcmjsDataset;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }

  export interface DcmjsReadOptions {
    ignoreErrors?: boolean;
    untilTag?: string | null;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
  }

  const dcmjs: {
    data: {
      DicomMessage: { readFile(buffer: ArrayBuffer, options?: DcmjsReadOptions): DcmjsDicomDict };
      DicomDict: new (meta: DcmjsDataset) => DcmjsDicomDict;
      DicomMetaDictionary: {
        /** Keyed by "(GGGG,EEEE)" in upper case. */
        dictionary: Record<string, { name?: string; vr?: string } | undefined>;
      };
    };
    log: { setLevel(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent'): void };
  };
  export default dcmjs;
}
