// Svelte action: listens for keyboard-wedge scans anywhere inside a node. When a burst turns
// out to be a scan, the characters it typed into the focused input are taken back (the value
// is restored) and `onscan(code)` runs instead, so a scan never lands in a quantity field.
// Inputs marked `data-wedge-ignore` (a dedicated scan field whose form reads the whole value
// on Enter) are left alone: there a slow or split burst still arrives complete.

import type { Action } from 'svelte/action';
import { createWedgeDetector, type WedgeOptions } from '../domain/scanning/wedge';

export interface ScanWedgeParams extends WedgeOptions {
	onscan: (code: string) => void;
}

function editable(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
	return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
		? target
		: null;
}

export const scanWedge: Action<HTMLElement, ScanWedgeParams> = (node, initial) => {
	let params = initial;
	const detector = createWedgeDetector(params);
	let restore: { el: HTMLInputElement | HTMLTextAreaElement; value: string } | null = null;
	const onkeydown = (e: KeyboardEvent) => {
		if (e.target instanceof Element && e.target.closest('[data-wedge-ignore]')) {
			detector.reset();
			return;
		}
		const result = detector.key(e.key, e.timeStamp);
		if (result.kind === 'burst-start') {
			const el = editable(e.target);
			restore = el ? { el, value: el.value } : null;
		} else if (result.kind === 'scan') {
			e.preventDefault();
			e.stopPropagation();
			if (restore && restore.el.value !== restore.value) {
				restore.el.value = restore.value;
				restore.el.dispatchEvent(new Event('input', { bubbles: true }));
			}
			restore = null;
			params.onscan(result.code);
		}
	};
	node.addEventListener('keydown', onkeydown, { capture: true });
	return {
		update(next) {
			params = next;
		},
		destroy() {
			node.removeEventListener('keydown', onkeydown, { capture: true });
		}
	};
};
