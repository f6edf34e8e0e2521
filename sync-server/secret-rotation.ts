// Rotating the token secret without signing everyone out at once: the previous secret is
// still accepted for verifying JWTs (sign-in links, `stockflow token`, scripts) until a stated
// time, while every new token is signed with the current one. Device credentials do not
// depend on the secret at all (sessions/credential.ts), so signed-in devices never notice.

export interface PreviousSecret {
	readonly secret: string;
	/** JWTs signed with it are refused from this time on (ms since the epoch). */
	readonly untilMs: number;
}

/**
 * `STOCKFLOW_SECRET_PREVIOUS` + `STOCKFLOW_SECRET_PREVIOUS_UNTIL` (an ISO date-time): both or
 * neither; anything unreadable throws, so a typo never silently ends the grace period.
 */
export function previousSecretFromEnv(env: NodeJS.ProcessEnv): PreviousSecret | null {
	const secret = env.STOCKFLOW_SECRET_PREVIOUS?.trim();
	const until = env.STOCKFLOW_SECRET_PREVIOUS_UNTIL?.trim();
	if (!secret && !until) return null;
	if (!secret || !until) {
		throw new Error(
			'STOCKFLOW_SECRET_PREVIOUS and STOCKFLOW_SECRET_PREVIOUS_UNTIL are set together'
		);
	}
	const untilMs = Date.parse(until);
	if (!/^\d{4}-\d{2}-\d{2}/.test(until) || Number.isNaN(untilMs)) {
		throw new Error(`STOCKFLOW_SECRET_PREVIOUS_UNTIL is not a date-time: "${until}"`);
	}
	return { secret, untilMs };
}
