// Is a relay answering on this machine? The demo writes through it when one runs (so open
// browsers see the company appear) and straight into the store otherwise.

export async function relayIsUp(origin: string, timeoutMs = 1500): Promise<boolean> {
	try {
		const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
		const body: unknown = await res.json();
		return res.ok && typeof body === 'object' && body !== null && 'ok' in body && body.ok === true;
	} catch {
		return false;
	}
}
