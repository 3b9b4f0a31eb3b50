import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AuthorActions, AuthorState, AuthorStore } from '../../state/author-store';

export const AuthorContext = createContext<AuthorStore | null>(null);

export function useAuthorStore(): AuthorStore {
  const store = useContext(AuthorContext);
  if (!store) throw new Error('useAuthor outside an AuthorView');
  return store;
}

export function useAuthor<T>(selector: (s: AuthorState & AuthorActions) => T): T {
  return useStore(useAuthorStore(), selector);
}
