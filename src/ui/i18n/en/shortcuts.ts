import type { LessonActionId, ShortcutScope, ViewportActionId } from '../../shortcuts';

/** The keyboard shortcut sheet: its button and dialog, and what each binding of the shortcut table does. */
export const shortcuts = {
  button: 'Keyboard shortcuts',
  heading: 'Keyboard shortcuts',
  close: 'Close',
  scopes: { lesson: 'Lesson', viewport: 'In a focused viewport (click or Tab to it)' } satisfies Record<ShortcutScope, string>,
  lesson: {
    'next-step': "Next step (presenting: the step's next cue first)",
    'previous-step': "Previous step (presenting: the step's previous cue first)",
    'toggle-play': 'Play or pause the narration',
    'back-5s': 'Back 5 seconds',
    'forward-5s': 'Forward 5 seconds',
    'previous-segment': 'Previous transcript segment',
    'next-segment': 'Next transcript segment',
    'go-to-step': 'Go to step 1 to 9',
    'return-to-lesson': 'Return to the lesson after taking over',
    'show-shortcuts': 'Show these keyboard shortcuts',
    fullscreen: 'Full screen on or off',
    blank: 'Presenting: blank the screen, or show it again',
    'leave-presentation': 'Leave presentation mode',
  } satisfies Record<LessonActionId, string>,
  viewport: {
    'next-image': 'Next image',
    'previous-image': 'Previous image',
    reset: "Reset to the lesson's image, window and framing",
    invert: 'Invert the grey scale',
    cine: 'Start or stop cine at the chosen frame rate',
    'restore-layout': 'Restore the grid after maximising a viewport (double-click maximises and restores)',
    'window-width': 'Window narrower / wider (more / less contrast)',
    'window-level': 'Level up / down (the image darker / brighter)',
    zoom: 'Zoom in / out',
    pan: 'Pan: move the image',
  } satisfies Record<Exclude<ViewportActionId, 'preset'>, string>,
  /** A preset key: the CT window it sets (`ct` from the viewer's preset names), and what it sets on MR and others. */
  preset: (ct: string, width: number, center: number, other: string) => `Window: ${ct} (W ${width} L ${center}); MR and others: ${other}`,
};
