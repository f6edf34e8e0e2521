// Read-only id lookups for the published (immutable) catalog arrays.

export function indexById<T extends { id: string }>(values: readonly T[]): ReadonlyMap<string, T> {
	return new Map(values.map((v) => [v.id, v]));
}
