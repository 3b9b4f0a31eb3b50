import type { ManifestSummary } from '../../dicom/tce/archive';
import { messages } from '../i18n/messages';

const m = messages.archive;

/**
 * One archive's manifests: the Key Object Description (already scrubbed of the patient's names and dates), how
 * many key images, modalities, date, purpose and delay badges. Never a name or an ID: the list has none to show.
 */
export function ManifestList({ manifests, busy, onImport }: { manifests: readonly ManifestSummary[]; busy: boolean; onImport: (m: ManifestSummary) => void }) {
  if (manifests.length === 0) return <p className="muted">{m.none}</p>;
  return (
    <ul className="manifest-list" aria-label={m.manifests}>
      {manifests.map((x) => {
        const description = x.description || m.noDescription;
        return (
          <li key={x.sopInstanceUid} className="manifest" data-purpose={x.purpose}>
            <p className="manifest-description">{description}</p>
            <p className="case-meta">
              <span>{m.keyImages(x.keyImages.length)}</span> <span>{x.modalities.join(', ')}</span> <span>{x.date ?? m.noDate}</span>{' '}
              <span className="badge">{m.purposes[x.purpose]}</span>
              {x.purpose !== 'teaching' && <span className="badge badge-warn">{m.notForTeaching}</span>}
              {x.hasAtfi && <span className="badge">{m.atfi}</span>}
              {x.delays.map((d) => (
                <span key={d} className="badge badge-delay" title={m.delayHint}>
                  {m.delays[d] ?? d}
                </span>
              ))}
            </p>
            <button type="button" disabled={busy} aria-label={m.importLabel(description)} onClick={() => onImport(x)}>
              {m.import}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
