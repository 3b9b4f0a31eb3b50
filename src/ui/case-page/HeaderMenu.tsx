import { useId, useState, type ReactNode } from 'react';
import { messages } from '../i18n/messages';

/**
 * The case page header's actions. On a wide screen they sit in the header as they are; on a narrow or short one
 * (responsive.css) they fold behind one "Menu" button, so the images keep the height. Dialogs the actions open stay
 * outside the fold: a closed menu hides its buttons and links, never a dialog.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const itemsId = useId();
  return (
    <div className={open ? 'header-menu open' : 'header-menu'}>
      <button type="button" className="header-menu-button" aria-expanded={open} aria-controls={itemsId} onClick={() => setOpen((o) => !o)}>
        {messages.layout.headerMenu}
      </button>
      <div className="header-menu-items" id={itemsId}>
        {children}
      </div>
    </div>
  );
}
