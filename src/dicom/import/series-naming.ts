/** Keys and labels for imported series, made from their cleaned descriptions (never from identifiers). */

/** A case id or series key: lower-case letters, digits and dashes, as the case format wants. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

function slug(text: string, maxLength: number): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length <= maxLength) return s;
  const cut = s.slice(0, maxLength);
  const dash = cut.lastIndexOf('-');
  return dash > 8 ? cut.slice(0, dash) : cut;
}

export interface SeriesNameInput {
  /** SeriesDescription after cleaning, if any is left. */
  description?: string;
  modality: string;
  seriesNumber?: number;
  /** 1-based position in the case, when there is no series number. */
  ordinal: number;
}

export function seriesLabel(s: SeriesNameInput): string {
  const number = s.seriesNumber ?? s.ordinal;
  const description = s.description?.trim();
  if (!description) return `${s.modality || 'Image'} series ${number}`;
  const upper = description.toUpperCase();
  return s.modality && !upper.startsWith(s.modality) ? `${s.modality} ${description}` : description;
}

/** A unique key per series: the description's slug, else "<modality>-series-<n>"; "-2", "-3" on clashes. */
export function seriesKeys(series: readonly SeriesNameInput[]): string[] {
  const used = new Set<string>();
  return series.map((s) => {
    let base = s.description ? slug(s.description, 32) : '';
    if (!KEY_PATTERN.test(base)) base = `${slug(s.modality, 8) || 'image'}-series-${s.seriesNumber ?? s.ordinal}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}
