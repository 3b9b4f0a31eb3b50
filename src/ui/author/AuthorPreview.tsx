import { useEffect, useMemo, useState } from 'react';
import type { ParsedCase } from '../../case/schema';
import type { SeriesSource } from '../../viewer/types';
import { LessonView } from '../case-page/LessonView';
import { readProgress, writeProgress } from '../progress-storage';
import { clearDraft } from '../case-page/quiz/quiz-draft';
import { messages } from '../i18n/messages';

const m = messages.author.preview;

export type PreviewKind = 'learner' | 'audience';

interface Props {
  kind: PreviewKind;
  /** The draft's last valid state: what would be exported. */
  lesson: ParsedCase;
  series: Map<string, SeriesSource>;
  seriesErrors: Map<string, string>;
  /** The recording picked in Tap to time, which the draft's narration names. */
  narration: File | null;
  onClose(): void;
}

/**
 * The draft as learners or the audience will get it: the ordinary case page, quiz and reveals included, or the
 * presenting screen. It runs under an id of its own whose progress and quiz answers are wiped when it closes, so
 * trying the quiz never marks the real case as studied.
 */
export function AuthorPreview({ kind, lesson, series, seriesErrors, narration, onClose }: Props) {
  const shown = useMemo(() => ({ ...lesson, id: `${lesson.id}-preview` }), [lesson]);
  const [mediaUrl, setMediaUrl] = useState<string | null>(null);
  // Made and revoked by one effect (as RecordedSegments' player): a URL made in state and revoked by a cleanup would
  // be revoked by StrictMode's second run of effects, or by a new state of the draft, while the audio still uses it.
  useEffect(() => {
    if (!narration) return;
    const url = URL.createObjectURL(narration);
    setMediaUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [narration]);
  useEffect(
    () => () => {
      const { [shown.id]: _gone, ...rest } = readProgress();
      writeProgress(rest);
      clearDraft(shown.id);
    },
    [shown.id],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // Escape first leaves presenting (the lesson's own key); a second one, on the learner's page, ends the preview.
      if (e.key === 'Escape' && !document.querySelector('.lesson.presenting')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="author-preview">
      <p className="preview-banner" role="note">
        {m.banner(kind)}{' '}
        <button type="button" onClick={onClose}>
          {m.back}
        </button>
      </p>
      {(!narration || mediaUrl) && (
        <LessonView
          key={kind}
          lesson={shown}
          series={series}
          seriesErrors={seriesErrors}
          initialStep={0}
          preview={kind}
          mediaUrl={mediaUrl ? () => mediaUrl : undefined}
          authorLink={false}
        />
      )}
    </div>
  );
}
