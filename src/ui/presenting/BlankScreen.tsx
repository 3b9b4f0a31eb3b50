import { useLesson } from '../case-page/lesson-context';
import { messages } from '../i18n/messages';

/** B while presenting: the projector goes black (the room looks at the speaker); B again brings the images back. */
export function BlankScreen() {
  const blanked = useLesson((s) => s.blanked);
  if (!blanked) return null;
  return (
    <div className="blank-screen" data-blank="true">
      <span className="visually-hidden" role="status">
        {messages.presenter.blanked}
      </span>
    </div>
  );
}
