// Walking order through a warehouse: bins sorted by their code with digit runs compared as
// numbers (A-2 before A-10), so a picker walks aisle by aisle instead of zig-zagging.

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Compares two location codes in walking order; '' (no bin) walks last. */
export function compareLocationCodes(a: string, b: string): number {
	if (a === b) return 0;
	if (a === '') return 1;
	if (b === '') return -1;
	return collator.compare(a, b);
}
