import { useState } from 'react';
import { CaseLoadFailed } from './CaseLoadFailed';
import { useCaseLoad } from './use-case-load';
import { LessonView } from './LessonView';
import { ConsoleView } from '../presenting/ConsoleView';
import { StepLinkNotice } from './StepLinkNotice';
import { ensureEngine } from '../../viewer/engine';
import { messages } from '../i18n/messages';

// Cornerstone starts while the case file is still on its way (the viewer awaits the same start-up later, and
// reports a failure then).
ensureEngine().catch(() => undefined);

/** The case page, or with `console` the presenter console of the case (a second window, in step with it). */
export default function CasePage({ caseId, step, console = false }: { caseId: string; step: number | null; console?: boolean }) {
  const load = useCaseLoad(caseId);
  // The step the link asked for: the address is corrected to a real step at once, the notice keeps the original.
  const [askedStep] = useState(step);

  if (load.status === 'loading') return <p className="page-message">{messages.common.loadingCase}</p>;
  if (load.status === 'failed') return <CaseLoadFailed message={load.message} problems={load.problems} />;
  const initialStep = step === null ? 0 : step - 1;
  if (console) return <ConsoleView lesson={load.lesson} series={load.series} seriesErrors={load.seriesErrors} initialStep={initialStep} />;
  return (
    <LessonView
      lesson={load.lesson}
      series={load.series}
      seriesErrors={load.seriesErrors}
      initialStep={initialStep}
      notice={<StepLinkNotice step={askedStep} count={load.lesson.steps.length} />}
    />
  );
}
