import { useCaseLoad } from '../case-page/use-case-load';
import { AuthorView } from './AuthorView';
import { CaseLoadFailed } from '../case-page/CaseLoadFailed';
import { messages } from '../i18n/messages';

/** `#/author/<caseId>`: author mode on a case of the library. */
export default function AuthorPage({ caseId }: { caseId: string }) {
  const load = useCaseLoad(caseId);
  if (load.status === 'loading') return <p className="page-message">{messages.common.loadingCase}</p>;
  if (load.status === 'failed') return <CaseLoadFailed message={load.message} problems={load.problems} />;
  return (
    <AuthorView
      lesson={load.lesson}
      series={load.series}
      seriesErrors={load.seriesErrors}
      preparePackage={async (draft, narration) => (await import('./library-package')).prepareLibraryPackage(draft, caseId, narration)}
      archiveCaseId={caseId}
    />
  );
}
