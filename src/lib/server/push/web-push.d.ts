// The part of web-push 3.6 we use (it ships no types; @types/web-push would be one more package).
declare module 'web-push' {
	export interface PushSubscription {
		endpoint: string;
		keys: { p256dh: string; auth: string };
	}
	export interface RequestOptions {
		headers?: Record<string, string>;
		vapidDetails?: null;
		TTL?: number;
		urgency?: 'very-low' | 'low' | 'normal' | 'high';
		contentEncoding?: 'aes128gcm';
	}
	export interface RequestDetails {
		method: 'POST';
		headers: Record<string, string | number>;
		body: Buffer | null;
		endpoint: string;
	}
	export function generateVAPIDKeys(): { publicKey: string; privateKey: string };
	export function getVapidHeaders(
		audience: string,
		subject: string,
		publicKey: string,
		privateKey: string,
		contentEncoding: 'aes128gcm',
		expiration?: number
	): { Authorization: string };
	export function generateRequestDetails(
		subscription: PushSubscription,
		payload: string | Buffer,
		options?: RequestOptions
	): RequestDetails;
	const webpush: {
		generateVAPIDKeys: typeof generateVAPIDKeys;
		getVapidHeaders: typeof getVapidHeaders;
		generateRequestDetails: typeof generateRequestDetails;
	};
	export default webpush;
}
