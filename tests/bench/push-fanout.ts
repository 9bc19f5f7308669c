// Fan-out of one news push to 50 000 subscriptions against the local push-service peer: sends per
// second, how far the send queue grows (it must stay bounded), and the p95 of worker pages while
// the server sends. The peer checks the VAPID signature and decrypts a sample of the messages.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type * as database from '../../src/lib/server/platform/db/index.ts';
import * as peers from '../integration/push-peer.ts';
import { client, percentile, type Client } from './http.ts';

export interface FanoutResult {
	subscriptions: number;
	delivered: number;
	seconds: number;
	perSecond: number;
	maxWaiting: number;
	pageP95Before: number;
	pageP95During: number;
	pageSamples: number;
	sampled: number;
	peerErrors: string[];
	payloadOk: boolean;
}

async function pageTimes(http: Client, paths: string[], until: () => boolean, max: number) {
	const ms: number[] = [];
	for (let i = 0; !until() && i < max; i++) {
		const a = await http.request(paths[i % paths.length]);
		if (a.status === 200) ms.push(a.ms);
		// A worker on a phone, not a load generator: a page every 50 ms.
		await new Promise((r) => setTimeout(r, 50));
	}
	return ms;
}

export async function run(
	base: string,
	db: database.Db,
	staffToken: string,
	opts: { subscriptions: number; deadlineMs: number; progress: (m: string) => void }
): Promise<FanoutResult> {
	const http = client(base, 2);
	const { publicKey } = JSON.parse((await http.request('/api/v1/push/key')).body) as {
		publicKey: string;
	};
	const peer = await peers.start(publicKey, { decryptEvery: 250 });
	try {
		opts.progress(`push: ${opts.subscriptions} subscriptions (keys for each)`);
		for (let done = 0; done < opts.subscriptions; done += 1_000) {
			const rows = [];
			for (let i = done; i < Math.min(done + 1_000, opts.subscriptions); i++) {
				const s = peer.subscriber();
				rows.push({
					id: randomUUID(),
					endpoint: s.endpoint,
					p256dh: s.keys.p256dh,
					auth: s.keys.auth,
					topic: 'news' as const,
					locale: 'pl',
					gemeente_id: 'tiel'
				});
			}
			await db.insertInto('push_subscription').values(rows).execute();
		}
		const before = await pageTimes(http, ['/pl', '/pl/more'], () => false, 60);

		opts.progress('push: a coordinator posts news; fan-out');
		const form = new URLSearchParams({
			gemeente: 'tiel',
			title_pl: 'Bench',
			body_pl: 'Nowe godziny otwarcia punktu informacyjnego.'
		}).toString();
		const posted = await http.request('/staff/news?/post', {
			method: 'POST',
			headers: {
				cookie: `wegwijs_session=${staffToken}`,
				'content-type': 'application/x-www-form-urlencoded',
				'sec-fetch-site': 'same-origin',
				origin: base
			},
			body: form
		});
		if (posted.status !== 200) throw new Error(`news post answered ${posted.status}`);
		const started = performance.now();
		let maxWaiting = 0;
		let finished = false;
		const watch = (async () => {
			while (!finished) {
				const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
					where name = 'push-send' and state in ('created', 'retry')`.execute(db);
				maxWaiting = Math.max(maxWaiting, rows[0].n);
				await new Promise((r) => setTimeout(r, 500));
			}
		})();
		const deadline = started + opts.deadlineMs;
		const done = () => peer.count >= opts.subscriptions || performance.now() > deadline;
		const during = await pageTimes(http, ['/pl', '/pl/more'], done, 100_000);
		while (!done()) await new Promise((r) => setTimeout(r, 100));
		const seconds = (performance.now() - started) / 1000;
		finished = true;
		await watch;
		const expected = {
			title: 'Wegwijs',
			body: 'Są dla Ciebie nowe informacje. Otwórz aplikację, aby je przeczytać.',
			url: '/pl'
		};
		return {
			subscriptions: opts.subscriptions,
			delivered: peer.count,
			seconds,
			perSecond: peer.count / seconds,
			maxWaiting,
			pageP95Before: percentile(before, 95),
			pageP95During: percentile(during, 95),
			pageSamples: during.length,
			sampled: peer.received.length,
			peerErrors: peer.errors,
			payloadOk:
				peer.received.length > 0 &&
				peer.received.every((r) => JSON.stringify(r.payload) === JSON.stringify(expected))
		};
	} finally {
		await peer.close();
		http.close();
	}
}
