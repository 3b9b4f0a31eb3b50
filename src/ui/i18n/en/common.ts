/** Words more than one page uses: the app's name, the way back to the library, what a page says while it loads. */
export const common = {
  appName: 'Case Teaching Viewer',
  /** The browser tab's title for a page about `subject`. */
  pageTitle: (subject: string) => `${subject} · Case Teaching Viewer`,
  backToLibrary: 'Back to the case library',
  loadingCase: 'Loading the case…',
  /** What the lazily loaded pages say while their code arrives. */
  opening: {
    case: 'Opening the case…',
    files: 'Opening the files…',
    author: 'Opening author mode…',
    package: 'Opening the case package…',
    console: 'Opening the presenter console…',
  },
};
