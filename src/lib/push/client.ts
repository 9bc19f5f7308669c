// The browser side of web push, shared by the worker pages and the staff account page.

export function supported(): boolean {
	return (
		typeof window !== 'undefined' &&
		'serviceWorker' in navigator &&
		'PushManager' in window &&
		'Notification' in window
	);
}

async function registration(): Promise<ServiceWorkerRegistration> {
	// Staff pages do not register the service worker; the first opt-in does.
	const existing = await navigator.serviceWorker.getRegistration('/');
	if (!existing) await navigator.serviceWorker.register('/service-worker.js', { type: 'module' });
	return navigator.serviceWorker.ready;
}

/** This browser's subscription, if it has one (never asks for permission). */
export async function current(): Promise<PushSubscription | null> {
	if (!supported()) return null;
	const reg = await navigator.serviceWorker.getRegistration('/');
	return reg ? reg.pushManager.getSubscription() : null;
}

/** This browser's subscription, asking for permission the first time. */
export async function ensure(
	publicKey: string
): Promise<PushSubscription | 'denied' | 'unsupported'> {
	if (!supported()) return 'unsupported';
	const reg = await registration();
	const existing = await reg.pushManager.getSubscription();
	if (existing) return existing;
	if ((await Notification.requestPermission()) !== 'granted') return 'denied';
	const key = Uint8Array.from(atob(publicKey.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
		c.charCodeAt(0)
	);
	return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

async function call(method: string, path: string, body: unknown): Promise<Response> {
	return fetch(path, {
		method,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

export interface Listed {
	id: string;
	topic: 'news';
	locale: string;
	gemeente: string | null;
}

export async function list(sub: PushSubscription): Promise<Listed[]> {
	const r = await call('POST', '/api/v1/push/subscriptions/query', { endpoint: sub.endpoint });
	return r.ok ? ((await r.json()) as { subscriptions: Listed[] }).subscriptions : [];
}

/** 'throttled': too many from this connection; 'too_many': this device's subscriptions are full. */
export type CreateResult = 'done' | 'throttled' | 'too_many' | 'failed';

export async function create(
	sub: PushSubscription,
	body: { topic: 'news'; locale: string; gemeente: string }
): Promise<CreateResult> {
	const r = await call('POST', '/api/v1/push/subscriptions', {
		subscription: sub.toJSON(),
		...body
	});
	if (r.ok) return 'done';
	return r.status === 429 ? 'throttled' : r.status === 409 ? 'too_many' : 'failed';
}

/** Removes one subscription and answers what is left. */
export async function remove(sub: PushSubscription, id: string): Promise<Listed[]> {
	const r = await call('DELETE', '/api/v1/push/subscriptions', { endpoint: sub.endpoint, id });
	if (!r.ok) throw new Error(String(r.status));
	return list(sub);
}
