// Shared helpers for the end-to-end tests: tokens signed with the e2e relay's secret and
// a fresh workspace per test so tests never see each other's data.
import { SignJWT } from 'jose';
import type { Page } from '@playwright/test';
import { E2E_SECRET } from '../../playwright.config';

export function freshWorkspace(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function tokenFor(workspace: string, role: string, user: string): Promise<string> {
	return new SignJWT({ workspace, role })
		.setProtectedHeader({ alg: 'HS256' })
		.setSubject(user)
		.setIssuedAt()
		.setExpirationTime('2h')
		.sign(new TextEncoder().encode(E2E_SECRET));
}

export async function signIn(
	page: Page,
	workspace: string,
	role: string,
	user: string
): Promise<void> {
	const token = await tokenFor(workspace, role, user);
	await page.goto(`/signin?token=${encodeURIComponent(token)}`);
	// The sign-in page stores the session, then lands on the department's home page.
	await page.waitForURL((url) => url.pathname !== '/signin', { timeout: 15_000 });
}
