// The push API's inputs and answers as valibot schemas: a browser's PushSubscription, a
// subscription request, an endpoint to list or remove. Messages are the API's error codes.
import * as v from 'valibot';
import { locales } from '../../paraglide/runtime.js';
import { fields } from '../../input/schema.ts';

export const MAX_ENDPOINT = 2_000;
// News only: there is no reporter topic (README, "Why reporters get no push").
export const TOPICS = ['news'] as const;

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function decoded(value: string): Buffer {
	return B64URL.test(value) ? Buffer.from(value, 'base64url') : Buffer.alloc(0);
}

/** https only; plain http on loopback when the test-only switch allows loopback (see push.ts). */
function pushUrl(loopbackOk: boolean) {
	return (value: string) => {
		let url: URL;
		try {
			url = new URL(value);
		} catch {
			return false;
		}
		const loopbackHttp =
			url.protocol === 'http:' &&
			loopbackOk &&
			/^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname);
		return (
			(url.protocol === 'https:' || loopbackHttp) && !url.username && !url.password && !url.hash
		);
	};
}

/** A browser PushSubscription as `toJSON()` gives it; the endpoint comes back normalised. */
export function subscription(loopbackOk: boolean) {
	return v.pipe(
		fields(
			{
				endpoint: v.pipe(
					v.string('endpoint'),
					v.maxLength(MAX_ENDPOINT, 'endpoint'),
					v.check(pushUrl(loopbackOk), 'endpoint'),
					v.transform((s) => new URL(s).href),
					v.metadata({
						format: 'uri',
						description:
							'https only. Endpoints whose host resolves to a loopback, private, link-local or other special address are refused.'
					})
				),
				keys: fields(
					{
						// An uncompressed P-256 point (65 bytes, 0x04 first) and a 16-byte auth secret (RFC 8291).
						p256dh: v.pipe(
							v.string('subscription'),
							v.check((s) => {
								const point = decoded(s);
								return point.length === 65 && point[0] === 4;
							}, 'subscription'),
							v.description('Uncompressed P-256 public key, base64url.')
						),
						auth: v.pipe(
							v.string('subscription'),
							v.check((s) => decoded(s).length === 16, 'subscription'),
							v.description('16-byte auth secret, base64url.')
						)
					},
					'subscription'
				)
			},
			'subscription'
		),
		v.description('A browser PushSubscription as `toJSON()` gives it.')
	);
}

/**
 * POST /api/v1/push/subscriptions. Checked in this order, first error answers; the address the
 * endpoint resolves to and the target (gemeente, follow-up session) are checked after it.
 */
export function request(loopbackOk: boolean) {
	return fields({
		subscription: subscription(loopbackOk),
		topic: v.pipe(
			v.picklist(TOPICS, 'topic'),
			v.description(
				'`news`: news items of `gemeente` in `locale`. There is no topic for a report: a push would tell ' +
					'whoever holds the phone, and the push service, that a report exists.'
			)
		),
		locale: v.pipe(
			v.picklist(locales, 'locale'),
			v.description('Language of the notification text.')
		),
		gemeente: v.optional(
			v.pipe(v.string('gemeente'), v.description('Gemeente id; required for `news`.'))
		)
	});
}

/** An endpoint to list or unsubscribe, with one of its subscriptions or all of them. */
export const Endpoint = fields({
	endpoint: v.pipe(
		v.string('endpoint'),
		v.minLength(1, 'endpoint'),
		v.maxLength(MAX_ENDPOINT, 'endpoint')
	),
	id: v.optional(
		v.pipe(
			v.string('id'),
			v.uuid('id'),
			v.description('One subscription of this endpoint; without it, all of them.')
		)
	)
});

export const Key = v.object({
	publicKey: v.pipe(
		v.string(),
		v.description(
			'The VAPID public key (RFC 8292), base64url: pass it as `applicationServerKey` to `pushManager.subscribe`.'
		)
	)
});

export const Created = v.object({ id: v.pipe(v.string(), v.uuid()), topic: v.picklist(TOPICS) });

export const List = v.object({
	subscriptions: v.array(
		v.object({
			id: v.pipe(v.string(), v.uuid()),
			topic: v.picklist(TOPICS),
			locale: v.string(),
			gemeente: v.pipe(v.nullable(v.string()), v.description('Name of the gemeente (news).'))
		})
	)
});
