// The browser's BarcodeDetector (Shape Detection API), where present. Not in TypeScript's DOM
// types yet, so it is looked up at runtime and described by the few members used here.

export interface DetectedBarcode {
	rawValue: string;
}

export interface BarcodeDetectorLike {
	detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}

type DetectorConstructor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

function isConstructor(value: unknown): value is DetectorConstructor {
	return typeof value === 'function';
}

/** A detector for the formats our labels print, or null when the browser has none. */
export function createBarcodeDetector(): BarcodeDetectorLike | null {
	const ctor: unknown = Reflect.get(globalThis, 'BarcodeDetector');
	if (!isConstructor(ctor)) return null;
	try {
		return new ctor({
			formats: ['code_128', 'qr_code', 'ean_13', 'ean_8', 'code_39', 'data_matrix']
		});
	} catch {
		return new ctor();
	}
}

export function hasCamera(): boolean {
	return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}
