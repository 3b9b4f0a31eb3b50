import { useCaseLoad } from '../case-page/use-case-load';
import { AuthorView } from './AuthorView';

/** `#/author/<caseId>`: author mode on a case of the library. */
export default function AuthorPage({ caseId }: { caseId: string }) {
  const load = useCaseLoad(caseId);
  if (load.status === 'loading') return <p className="page-message">Loading the case…</p>;
  if (load.status === 'failed') {
    return (
      <main className="page-message">
        <h1>This case cannot be opened</h1>
        <p role="alert">{load.message}</p>
      </main>
    );
  }
  return <AuthorView lesson={load.lesson} series={load.series} seriesErrors={load.seriesErrors} />;
}
