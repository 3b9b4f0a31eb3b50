/** Case packages opened in the browser: the library's cards, reading and refusing a package, its page's notice. */
export const casePackage = {
  cards: {
    list: 'Opened case packages',
    unknownPackage: (n: number) => `Unknown package ${n}`,
    badge: 'Case package',
    openHere: (fileName: string) => `${fileName}, open in this page only`,
    keptHere: (fileName: string) => `${fileName}, kept in this browser`,
    remove: (name: string) => `Remove ${name} from this browser`,
    removeShort: 'Remove',
  },
  notice: {
    openedFrom: (fileName: string) => `Opened from the case package ${fileName}.`,
    kept: 'Kept in this browser: it stays in the library until you remove it there.',
    pageOnly: 'Kept in this page only.',
    notKeptPatientData: 'Kept in this page only: a package whose files do not all say they were de-identified is not stored in the browser.',
    notKept: (reason: string) => `Kept in this page only: the browser did not store it (${reason}).`,
    notDeidentified: (n: number) =>
      `${n} DICOM file${n > 1 ? 's do' : ' does'} not say ${n > 1 ? 'they were' : 'it was'} de-identified (PatientIdentityRemoved is not YES): treat ${
        n > 1 ? 'them' : 'it'
      } as patient data.`,
    notes: (n: number) => `${n} package note${n === 1 ? '' : 's'}`,
  },
  reading: {
    /** Followed by the link `chooseInLibrary`. */
    none: 'No case package is being opened.',
    chooseInLibrary: 'Choose one in the library',
    checking: (fileName: string) => `Checking the case package ${fileName}…`,
    opening: (caseId: string) => `Opening the case package "${caseId}" kept in this browser…`,
    refused: 'This case package cannot be opened',
    problemCount: (fileName: string, n: number) => `${fileName}: ${n} problem${n === 1 ? '' : 's'}`,
    problemList: 'Package problems',
    notes: 'Notes',
  },
  /** Followed by the link `openAgain`. */
  notOpen: (caseId: string) => `The case package "${caseId}" is not open, and this browser does not keep it.`,
  openAgain: 'Open it again in the library',
  /** Problems of the package as a whole, listed under "(package)". */
  problems: {
    tooBig: (size: string, limit: string) => `refused: ${size}, over the ${limit} a browser opens`,
    missingEntry: (path: string) => `${path} is not in the package`,
    unreadable: (reason: string) => `could not be read: ${reason}`,
  },
  megabytes: (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`,
};
