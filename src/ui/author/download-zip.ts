/** Hands a zip made in the page to the user as a download. */
export function downloadZip(zip: Uint8Array, name: string): void {
  // fflate hands back an ArrayBuffer-backed array; the DOM types only want that said.
  const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
