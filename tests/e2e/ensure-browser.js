// Fails fast with a one-line instruction when Debian's Chromium is missing, and installs
// it when we are root (as on CI and the project's machines); Playwright cannot download
// its own browser on this network.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		console.error(
			`Chromium not found at ${CHROMIUM}: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH).`
		);
		process.exit(1);
	}
	console.log('Installing Debian Chromium for the browser tests (apt-get)…');
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
		stdio: 'inherit'
	});
}
