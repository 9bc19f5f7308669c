import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import * as adminSocket from '../../src/lib/server/app/admin-socket.ts';
import * as state from './state';

const root = path.resolve(import.meta.dirname, '../..');

export function messages(locale: string): Record<string, string> {
	return JSON.parse(fs.readFileSync(path.join(root, 'messages', `${locale}.json`), 'utf8'));
}

/** Fills a message's {placeholders}. */
export function fill(text: string, params: Record<string, string>): string {
	return text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

/** A JPEG with GPS EXIF on disk, for file inputs. */
export async function photoFile(): Promise<string> {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'photo-')), 'holiday.jpg');
	await sharp({ create: { width: 300, height: 200, channels: 3, background: '#48a' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'CanaryCam' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 53/1 0/1' }
		})
		.toFile(file);
	return file;
}

/** Runs an admin command in the running test server (through its socket). */
export async function admin(...argv: string[]): Promise<string> {
	const r = await adminSocket.send(argv, path.join(state.read().dataDir, 'admin.sock'));
	if (!r || r.code !== 0) throw new Error(`admin ${argv.join(' ')} failed: ${r?.output}`);
	return r.output;
}

/** Reports stored for a gemeente. Tests that count use a gemeente no other test writes to. */
export async function reportCount(gemeente: string): Promise<number> {
	return Number((await admin('stats', '--gemeente', gemeente)).match(/^reports\t(\d+)/m)?.[1]);
}

/** WCAG 2.2 A/AA violations axe finds on the page, one line each (empty when none). */
export async function violations(page: Page) {
	const r = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return r.violations.map(
		(v) =>
			`${v.id}: ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(' | ')}`
	);
}

/** Opens `path` and reloads it once the service worker is ready, so the page is in its hands. */
export async function underServiceWorker(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
		.toBe(true);
}
