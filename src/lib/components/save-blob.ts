// Hands a generated file to the browser as a download (exports, templates).
export function saveBlob(blob: Blob, fileName: string): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = fileName;
	a.click();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
