/** DICOM files from this computer: the library's picker, the ad-hoc case page, and packages made from them. */
export const local = {
  picker: {
    region: 'Open DICOM files from this computer',
    /** The sentence is "<lead> <dropHere> <chooseFiles>, <folder> <or> <casePackage>. <staysHere>". */
    lead: 'View your own DICOM:',
    dropHere: 'drop files, a folder or a case package (.zip) here, or',
    chooseFiles: 'choose files',
    folder: 'a folder',
    or: 'or',
    casePackage: 'a case package',
    staysHere: 'They are read in this browser; nothing is uploaded.',
  },
  /** Followed by the link `chooseInLibrary`. */
  noFiles: 'No files are open (files are kept only while the page is open).',
  chooseInLibrary: 'Choose files in the library',
  reading: (n: number) => `Reading ${n} files…`,
  noDicom: 'No DICOM images among these files',
  skipped: (n: number) => `${n} file${n > 1 ? 's' : ''} skipped`,
  skippedList: 'Skipped files',
  authorFromFiles: 'Author a case from these files',
  /** A draft this browser keeps for exactly these files. */
  continueDraft: (title: string) => `Continue your draft “${title}”`,
  /** Author mode at `#/local/author` without files: after a reload. */
  again: {
    heading: 'Choose the files again to go on authoring',
    why: 'The page was reloaded, and files opened from this computer are never uploaded or stored, so they must be chosen again.',
    draftsSafe: (n: number) => `Your work is safe: ${n === 1 ? 'this draft is' : `these ${n} drafts are`} kept in this browser. Choose the same files and the draft opens where you left it.`,
    draftsList: 'Drafts kept in this browser',
    draft: (title: string, images: number, when: string) => `“${title}”, on ${images} image${images === 1 ? '' : 's'}, saved ${when}`,
    noDraft: 'No draft on local files is kept in this browser: choose files to start one.',
  },
  /** Why a case authored on these files cannot be packed. */
  packageRefused: (files: string) => `not every image can go into a package: ${files}`,
  packageMismatch: 'the de-identified series do not match the series on screen; open the files again',
};
