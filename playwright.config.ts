import { defineConfig } from '@playwright/test';

// End-to-end: real Chromium (Debian's) against the real built app served by the real relay.
const PORT = Number(process.env.E2E_PORT ?? 8477);
// Per port, so two runs on one machine (E2E_PORT) never delete each other's relay data.
const DATA_DIR = `test-results/e2e-data-${PORT}`;
export const E2E_SECRET = 'e2e-secret-not-for-production-0123456789';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: `test-results/pw-${PORT}`,
	fullyParallel: false,
	workers: 1,
	// A shared CI machine can be several times slower than a quiet one: generous per-test time,
	// and one retry so a machine hiccup does not hide a whole session's work (a real failure
	// fails twice).
	retries: 1,
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--headless',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: `rm -rf ${DATA_DIR} && node bin/stockflow.js start`,
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR,
			STOCKFLOW_SECRET: E2E_SECRET,
			STOCKFLOW_SKIP_BUILD: '1',
			// Month-end tests move the relay's clock too: it is the devices' time reference.
			STOCKFLOW_TEST_CLOCK: '1',
			LOG_LEVEL: 'warn'
		}
	}
});
