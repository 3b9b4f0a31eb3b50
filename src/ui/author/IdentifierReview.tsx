import { useEffect, useRef } from 'react';
import type { PreparedPackage } from './prepared-package';
import type { Findings } from '../../dicom/deid/findings';
import { messages } from '../i18n/messages';

const m = messages.author.identifiers;

/**
 * Before a package leaves the browser: what identifying information its files held and what was done to each
 * (counts only, never the values), then the author's confirmation. Nothing is saved until they confirm.
 */
export function IdentifierReview({ prepared, onConfirm, onCancel }: { prepared: PreparedPackage & { findings: Findings }; onConfirm(): void; onCancel(): void }) {
  const { findings } = prepared;
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div role="dialog" aria-modal="false" aria-labelledby="identifier-review-heading" className="identifier-review">
      <h2 id="identifier-review-heading">{m.heading}</h2>
      <p>{m.lead(prepared.files)}</p>
      {findings.attributes.length > 0 ? (
        <ul aria-label={m.listName}>
          {findings.attributes.map((f, i) => (
            <li key={i}>{m.finding(f.attribute, f.action, f.count)}</li>
          ))}
        </ul>
      ) : (
        <p>{m.noneFound}</p>
      )}
      <ul className="muted">
        {findings.datesShifted > 0 && <li>{m.dates(findings.datesShifted)}</li>}
        {findings.uidsReplaced > 0 && <li>{m.uids(findings.uidsReplaced)}</li>}
        {findings.privateRemoved > 0 && <li>{m.privateTags(findings.privateRemoved)}</li>}
      </ul>
      <p>{m.pixels}</p>
      <div className="row">
        <button type="button" ref={confirm} onClick={onConfirm}>
          {m.confirm}
        </button>
        <button type="button" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </div>
  );
}
