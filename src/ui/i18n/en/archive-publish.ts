/** Author mode's archive panel: presentation states (GSPS) for a PACS, and publishing the case to a DICOMweb archive. */
export const archivePublish = {
  region: 'Archive',
  heading: 'PACS and archive',
  lead: 'Each cue as a DICOM presentation state (window, framing, arrows and labels) that a PACS shows on the image.',
  exportStates: 'Export presentation states',
  exporting: 'Writing presentation states…',
  exported: (n: number) => `Saved ${n} presentation state${n === 1 ? '' : 's'} as a zip.`,
  server: 'Archive',
  noServer: 'No archive is set up: the deployment’s config.json lists no DICOMweb server.',
  send: 'Send to archive',
  sending: (sent: number, total: number) => (total ? `Sending… ${sent} of ${total} files` : 'Preparing the images and presentation states…'),
  sent: (images: number, states: number, server: string) =>
    `Stored ${images} image${images === 1 ? '' : 's'} and ${states} presentation state${states === 1 ? '' : 's'} in “${server}”. The published case.json (its series now come from there) was downloaded.`,
  downloadAgain: 'Download the published case.json again',
  notDeidentified: (n: number, names: string) =>
    `Nothing was sent: ${n} file${n === 1 ? ' does' : 's do'} not say ${n === 1 ? 'it was' : 'they were'} de-identified (${names}).`,
  failed: (reason: string) => `Not done: ${reason}`,
};
