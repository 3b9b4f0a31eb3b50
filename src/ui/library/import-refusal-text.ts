/** A refused progress import in words, naming the file: what it is and why it cannot be used. */
import type { ImportRefusal } from '../../case/progress-import';
import { messages } from '../i18n/messages';

const m = messages.quizFlow.importRefused;

export function importRefusalText(file: string, r: ImportRefusal): string {
  const why = ((): string => {
    switch (r.kind) {
      case 'not-json':
        return m.notJson(file);
      case 'case-file':
        return m.caseFile(file);
      case 'not-progress':
        return m.notProgress(file);
      case 'newer':
        return m.newer(file, r.version);
      case 'unknown-version':
        return m.unknownVersion(file, r.version);
      case 'damaged':
        return (r.caseId === null ? m.damagedFile(file, r.field, r.detail) : m.damagedCase(file, r.caseId, r.field, r.detail)) + (r.more > 0 ? m.more(r.more) : '');
    }
  })();
  return why + m.unchanged;
}
