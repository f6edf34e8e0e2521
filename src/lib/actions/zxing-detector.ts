// Camera fallback where the browser has no BarcodeDetector: ZXing compiled to WebAssembly
// (zxing-wasm). The .wasm file is bundled with the app (no CDN), so it works offline once the
// service worker has cached it; this module is imported only when the fallback is needed.

import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { BarcodeDetectorLike } from './barcode-detector';

/** The symbologies our labels print and suppliers commonly use. */
export const ZXING_READER_OPTIONS: ReaderOptions = {
	formats: ['Code128', 'QRCode', 'EAN13', 'EAN8', 'Code39', 'DataMatrix'],
	tryHarder: true,
	maxNumberOfSymbols: 1
};

let prepared = false;

export function createZxingDetector(): BarcodeDetectorLike {
	if (!prepared) {
		prepareZXingModule({
			overrides: {
				locateFile: (path: string, prefix: string) =>
					path.endsWith('.wasm') ? wasmUrl : prefix + path
			}
		});
		prepared = true;
	}
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d', { willReadFrequently: true });
	return {
		async detect(source) {
			if (!context || !(source instanceof HTMLVideoElement) || source.videoWidth === 0) return [];
			canvas.width = source.videoWidth;
			canvas.height = source.videoHeight;
			context.drawImage(source, 0, 0);
			const image = context.getImageData(0, 0, canvas.width, canvas.height);
			const results = await readBarcodes(image, ZXING_READER_OPTIONS);
			return results.filter((r) => r.isValid && r.text).map((r) => ({ rawValue: r.text }));
		}
	};
}
