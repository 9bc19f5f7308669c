import { sveltekit } from '@sveltejs/kit/vite';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		// Fixed test keys and a throwaway data dir: tests never touch ./data or real secrets.
		env: {
			WEGWIJS_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
			WEGWIJS_HMAC_PEPPER: Buffer.alloc(32, 9).toString('base64'),
			DATA_DIR: path.join(os.tmpdir(), 'wegwijs-vitest'),
			LOG_LEVEL: 'silent'
		},
		// A test that checks nothing fails, in every project: it could not catch a broken feature.
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/integration/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'load',
					include: ['tests/load/**/*.test.ts'],
					environment: 'node',
					testTimeout: 180_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
