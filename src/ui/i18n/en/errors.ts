/**
 * What a page says when it cannot show what was asked for. Reasons from the case, DICOM and viewer layers come in
 * as parameters, in their own words.
 */
export const errors = {
  notFound: {
    heading: 'Nothing here',
    /** Followed by the address asked for, then ". " and the link back. */
    noPageAt: 'No page at',
  },
  boundary: {
    heading: 'Something went wrong on this page',
    couldNotShow: (reason: string) => `The page could not be shown: ${reason}.`,
    /** Followed by the link back, then `orReload`. */
    kept: 'Your progress and notes are kept in this browser.',
    orReload: ', or reload the page to try again.',
  },
  caseLoad: {
    heading: 'This case cannot be opened',
  },
  /** A case file on this site that cannot be had or used. */
  caseFile: {
    notFound: (caseId: string) =>
      `There is no case "${caseId}" here: cases/${caseId}/case.json was not found. Check the link, or pick a case from the library.`,
    notJson: (caseId: string, reason: string) => `cases/${caseId}/case.json is not valid JSON: ${reason}`,
    unreadable: (caseId: string, reason: string) => `cases/${caseId}/case.json could not be read: ${reason}`,
    hasProblems: (caseId: string) => `cases/${caseId}/case.json has problems`,
    dicomwebServerUnknown: (server: string, why: string) => `DICOMweb server "${server}" is unknown (${why})`,
    configUnreadable: (configFile: string, problem: string) => `${configFile} could not be read: ${problem}`,
    notInConfig: (configFile: string) => `not in ${configFile}`,
  },
};
