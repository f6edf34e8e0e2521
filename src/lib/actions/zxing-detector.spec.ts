// Round trip of what a warehouse prints and scans: labels drawn by bwip-js are read back by the
// bundled ZXing wasm (the camera fallback), from the local .wasm file — no network.
import { readFileSync } from 'node:fs';
import { toBuffer } from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { ZXING_READER_OPTIONS } from './zxing-detector';

// Node has no fetch for file paths: hand emscripten the bytes of the same bundled .wasm.
const wasmBinary = readFileSync(
	new URL('../../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url)
);

describe('label → camera fallback round trip', () => {
	it.each([
		['code128', 'A-01-02'],
		['code128', 'BEV-BT-300|L260719'],
		['qrcode', 'GFT-TE-STD|L260729']
	] as const)('%s %s', async (bcid, text) => {
		await prepareZXingModule({
			overrides: {
				wasmBinary: wasmBinary.buffer.slice(
					wasmBinary.byteOffset,
					wasmBinary.byteOffset + wasmBinary.byteLength
				)
			},
			fireImmediately: true
		});
		const png = await toBuffer({
			bcid,
			text,
			scale: 3,
			height: 12,
			paddingwidth: 10,
			paddingheight: 10,
			backgroundcolor: 'FFFFFF'
		});
		const [result] = await readBarcodes(new Uint8Array(png), ZXING_READER_OPTIONS);
		expect(result?.text).toBe(text);
	});
});
