import { localDrafts } from '../author/draft-storage';
import { LocalFilesPicker } from './LocalFilesPicker';
import { messages } from '../i18n/messages';

const m = messages.local.again;

/**
 * Author mode on local files after a reload: the files are gone (they live only in the page), the draft is not.
 * Says so, names the drafts this browser keeps, and takes the files again: the same files bring their draft back.
 */
export function FilesAgainNotice() {
  const drafts = localDrafts();
  return (
    <main className="page-message files-again">
      <h1>{m.heading}</h1>
      <p>{m.why}</p>
      {drafts.length > 0 ? (
        <>
          <p>{m.draftsSafe(drafts.length)}</p>
          <ul aria-label={m.draftsList}>
            {drafts.map((d) => (
              <li key={d.key}>{m.draft(d.title || messages.author.untitled, d.images, new Date(d.savedAt).toLocaleString())}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{m.noDraft}</p>
      )}
      <LocalFilesPicker author />
      <p>
        <a href="#/">{messages.common.backToLibrary}</a>
      </p>
    </main>
  );
}
