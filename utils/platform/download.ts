/** Saves text as a file in the user's downloads, named `name`. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; the URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
