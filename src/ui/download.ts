/** Hands text to the browser as a file download (captions, progress). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click starts the download synchronously; free the URL once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
