// @ts-check
// "Send when I'm online again": an unsent report waits on this device only, in IndexedDB, and is
// deleted as soon as the server has it. The submission key inside makes every retry idempotent.
// The one definition: /js/report.js loads it as it is, and src/lib/report/outbox.ts re-exports it
// for the Svelte pages (quick exit on the follow-up page).
const DB = 'wegwijs-outbox';
const STORE = 'reports';
/** How long an unsent report may wait on the phone (the form tells the worker). */
export const MAX_AGE_DAYS = 7;
const MAX_AGE_MS = MAX_AGE_DAYS * 24 * 60 * 60 * 1000;
// Photos kept on the phone are drawn again at most this size: no metadata, and less to store.
const MAX_SIDE = 2560;

/**
 * @typedef {object} Pending
 * @property {string} key
 * @property {string} action
 * @property {[string, string | File][]} entries
 * @property {number} savedAt
 */

/** @returns {Promise<IDBDatabase>} */
function openDb() {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/**
 * @template T
 * @param {IDBTransactionMode} mode
 * @param {(s: IDBObjectStore) => IDBRequest<T>} fn
 * @returns {Promise<T>}
 */
async function run(mode, fn) {
	const db = await openDb();
	try {
		return await new Promise((resolve, reject) => {
			const req = fn(db.transaction(STORE, mode).objectStore(STORE));
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	} finally {
		db.close();
	}
}

/** @param {Pending} p */
export function save(p) {
	return run('readwrite', (s) => s.put(p));
}

/**
 * A submission key made on this phone (160 random bits, base32 like the server's): a form served
 * from the offline copy must never share its key with another report, or a retry of one would
 * return the other's receipt.
 * @returns {string}
 */
export function newKey() {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += 'abcdefghijklmnopqrstuvwxyz234567'[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	return out;
}

/**
 * Every report still waiting; those older than MAX_AGE_DAYS are deleted, never sent.
 * @returns {Promise<Pending[]>}
 */
export async function all(now = Date.now()) {
	const pending = /** @type {Pending[]} */ (await run('readonly', (s) => s.getAll()));
	const fresh = pending.filter((p) => now - p.savedAt < MAX_AGE_MS);
	for (const p of pending) if (!fresh.includes(p)) await remove(p.key);
	return fresh;
}

/**
 * Deletes what waited too long; true when something was deleted (the worker is told).
 * @returns {Promise<boolean>}
 */
export async function expire(now = Date.now()) {
	const pending = await run('readonly', (s) => s.count());
	return (await all(now)).length < pending;
}

/**
 * A photo as it may wait on the phone: drawn again on a canvas, so EXIF (GPS position, camera
 * serial, time), XMP and the original file name never sit in the outbox (security review #17,
 * finding 8). The server cleans photos again on arrival. Null when the browser cannot draw it:
 * the original is never kept instead.
 * @param {File} photo
 * @param {number} index
 * @returns {Promise<File | null>}
 */
export async function strip(photo, index) {
	try {
		// from-image applies the EXIF orientation before the EXIF block is dropped.
		const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
		const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
		const canvas = new OffscreenCanvas(
			Math.round(bitmap.width * scale),
			Math.round(bitmap.height * scale)
		);
		canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		bitmap.close();
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
		return new File([blob], `photo-${index + 1}.jpg`, { type: 'image/jpeg' });
	} catch {
		return null;
	}
}

/** @param {string} key */
export function remove(key) {
	return run('readwrite', (s) => s.delete(key));
}

/** @param {Pending} p */
export function toFormData(p) {
	const fd = new FormData();
	for (const [k, v] of p.entries) fd.append(k, v);
	return fd;
}

/**
 * Deletes every kept report (quick exit): resolves when done, blocked or failed.
 * @returns {Promise<void>}
 */
export function wipe() {
	return new Promise((resolve) => {
		const req = indexedDB.deleteDatabase(DB);
		req.onsuccess = req.onerror = req.onblocked = () => resolve();
	});
}
