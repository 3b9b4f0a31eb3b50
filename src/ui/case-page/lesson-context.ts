import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LessonActions, LessonState, LessonStore } from '../../state/lesson-store';

export const LessonContext = createContext<LessonStore | null>(null);

export function useLessonStore(): LessonStore {
  const store = useContext(LessonContext);
  if (!store) throw new Error('useLesson outside a LessonView');
  return store;
}

export function useLesson<T>(selector: (s: LessonState & LessonActions) => T): T {
  return useStore(useLessonStore(), selector);
}
