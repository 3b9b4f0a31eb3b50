/** A case package in unknown mode: its card and page say nothing of its file name, which may name the answer. */
export const unknownPackage = {
  /** Followed by the link back to the library. */
  noPackageAlias: 'No case package open in this page or kept in this browser has this address.',
  openHere: 'Open in this page only',
  keptHere: 'Kept in this browser',
  openedFrom: 'Opened from a case package.',
  checking: 'Checking the case package…',
  opening: 'Opening a case package kept in this browser…',
  /** Followed by the link `package.openAgain`. */
  notOpen: 'This case package is not open, and this browser does not keep it.',
};
