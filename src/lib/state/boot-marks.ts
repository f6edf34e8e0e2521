// Performance marks along the cold start (JS running → session → catalog → projection →
// usable → first stock render → every doc loaded), read by the client benchmark's breakdown
// and visible in any browser's performance panel. Each mark is set once per page load.

export const BOOT_MARK_PREFIX = 'stockflow:';

const seen = new Set<string>();

export function markBoot(name: string): void {
	if (seen.has(name) || typeof performance === 'undefined' || !performance.mark) return;
	seen.add(name);
	performance.mark(`${BOOT_MARK_PREFIX}${name}`);
}
