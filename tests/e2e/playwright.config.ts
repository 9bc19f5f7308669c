import { defineConfig, devices } from '@playwright/test';

// A port of our own, so two test runs on one machine never talk to each other's server. Set in
// the runner's environment before the workers start, so they all agree on it.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));

// Real Chromium from Debian (Playwright cannot download browsers on this network), driving the
// production build that global-setup starts on a loopback port with a throwaway DATA_DIR.
export default defineConfig({
	testDir: '.',
	testMatch: '**/*.e2e.ts',
	outputDir: '../../test-results',
	globalSetup: './global-setup.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	// Two servers, two browsers and axe share 2 cores in CI: allow for a slow moment.
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT}`,
		viewport: { width: 360, height: 740 },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-dev-shm-usage'
			]
		}
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], viewport: { width: 360, height: 740 } }
		}
	]
});
