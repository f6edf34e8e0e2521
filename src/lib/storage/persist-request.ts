// Asks the browser to keep our IndexedDB data under storage pressure. Without it, an evicted
// origin would silently lose local changes that never reached the relay.

/** true: granted; false: refused or unsupported. Never throws. */
export async function requestPersistentStorage(): Promise<boolean> {
	try {
		const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
		if (!storage || typeof storage.persist !== 'function') return false;
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
		return await storage.persist();
	} catch (error) {
		console.error('stockflow: navigator.storage.persist() failed', error);
		return false;
	}
}
