/** The latest status of each viewport, as the viewer reports it; the UI renders overlays and hooks from it. */
import { create } from 'zustand';
import type { ViewportStatus } from '../viewer/types';

interface ViewportStatusState {
  byId: Record<string, ViewportStatus>;
  report(status: ViewportStatus): void;
  clear(): void;
}

export const useViewportStatus = create<ViewportStatusState>()((set) => ({
  byId: {},
  report: (status) => set((s) => ({ byId: { ...s.byId, [status.viewportId]: status } })),
  clear: () => set({ byId: {} }),
}));
