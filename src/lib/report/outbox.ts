// "Send when I'm online again": an unsent report waits on this device only, in IndexedDB, and is
// deleted as soon as the server has it. The submission key inside makes every retry idempotent.
const DB = 'wegwijs-outbox';
const STORE = 'reports';

export interface Pending {
	key: string;
	action: string;
	entries: [string, string | File][];
	savedAt: number;
}

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function run<T>(
	mode: IDBTransactionMode,
	fn: (s: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const db = await openDb();
	try {
		return await new Promise<T>((resolve, reject) => {
			const req = fn(db.transaction(STORE, mode).objectStore(STORE));
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	} finally {
		db.close();
	}
}

export function save(p: Pending): Promise<IDBValidKey> {
	return run('readwrite', (s) => s.put(p));
}

export function all(): Promise<Pending[]> {
	return run('readonly', (s) => s.getAll() as IDBRequest<Pending[]>);
}

export function remove(key: string): Promise<undefined> {
	return run('readwrite', (s) => s.delete(key));
}

export function toFormData(p: Pending): FormData {
	const fd = new FormData();
	for (const [k, v] of p.entries) fd.append(k, v);
	return fd;
}

/** Deletes every kept report (quick exit): resolves when done, blocked or failed. */
export function wipe(): Promise<void> {
	return new Promise((resolve) => {
		const req = indexedDB.deleteDatabase(DB);
		req.onsuccess = req.onerror = req.onblocked = () => resolve();
	});
}
