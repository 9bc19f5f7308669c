// A local push service for the tests and the bench: an HTTP server on loopback that does what a
// browser's push service and the browser itself do with a message — checks the VAPID JWT (RFC 8292,
// ES256 against the server's public key) and decrypts the aes128gcm payload with the
// subscription's private key (RFC 8291: ECDH P-256 + auth secret, RFC 8188 record).
import crypto from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';

export interface Subscriber {
	id: string;
	endpoint: string;
	keys: { p256dh: string; auth: string };
	ecdh: crypto.ECDH;
	authSecret: Buffer;
}

export interface Received {
	subscriber: string;
	payload: unknown;
	claims: { aud: string; exp: number; sub: string };
	ttl: string | undefined;
}

export interface Peer {
	url: string;
	received: Received[];
	/** Subscriber id → status to answer (default 201). */
	status: Map<string, number>;
	/** Subscriber ids whose requests are held until the client gives up (a timeout). */
	hang: Set<string>;
	/** Counted requests, including those not decrypted. */
	count: number;
	subscriber(): Subscriber;
	close(): Promise<void>;
}

/**
 * Starts the peer. `vapidPublicKey` is the server's key (base64url); a request signed by any other
 * key, for another audience, expired, or that does not decrypt is answered 400 and recorded in
 * `errors`. `decryptEvery` > 1 checks only every n-th request (the bench: CPU is shared).
 */
export async function start(
	vapidPublicKey: string,
	opts: { decryptEvery?: number } = {}
): Promise<Peer & { errors: string[] }> {
	const subscribers = new Map<string, Subscriber>();
	const errors: string[] = [];
	const sockets = new Set<net.Socket>();
	const verifyKey = publicKeyFromRaw(Buffer.from(vapidPublicKey, 'base64url'));
	let seq = 0;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			peer.count++;
			const id = (req.url ?? '').split('/').pop() ?? '';
			const sub = subscribers.get(id);
			if (!sub) return void res.writeHead(404).end();
			if (peer.hang.has(id)) return;
			const status = peer.status.get(id) ?? 201;
			if (status !== 201) return void res.writeHead(status).end();
			if (peer.count % (opts.decryptEvery ?? 1) !== 0) return void res.writeHead(201).end();
			try {
				const claims = checkVapid(req.headers.authorization ?? '', vapidPublicKey, verifyKey);
				if (claims.aud !== new URL(peer.url).origin) throw new Error(`audience ${claims.aud}`);
				if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('encoding');
				const plain = decrypt(Buffer.concat(chunks), sub);
				peer.received.push({
					subscriber: id,
					payload: JSON.parse(plain.toString('utf8')),
					claims,
					ttl: req.headers.ttl as string | undefined
				});
				res.writeHead(201).end();
			} catch (err) {
				errors.push((err as Error).message);
				res.writeHead(400).end();
			}
		});
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as net.AddressInfo;
	const peer = {
		url: `http://127.0.0.1:${port}`,
		received: [] as Received[],
		status: new Map<string, number>(),
		hang: new Set<string>(),
		count: 0,
		errors,
		subscriber(): Subscriber {
			const ecdh = crypto.createECDH('prime256v1');
			ecdh.generateKeys();
			const authSecret = crypto.randomBytes(16);
			const id = `s${++seq}-${crypto.randomBytes(6).toString('hex')}`;
			const s: Subscriber = {
				id,
				endpoint: `http://127.0.0.1:${port}/push/${id}`,
				keys: {
					p256dh: ecdh.getPublicKey().toString('base64url'),
					auth: authSecret.toString('base64url')
				},
				ecdh,
				authSecret
			};
			subscribers.set(id, s);
			return s;
		},
		async close() {
			for (const s of sockets) s.destroy();
			await new Promise<void>((r) => server.close(() => r()));
		}
	};
	return peer;
}

function publicKeyFromRaw(raw: Buffer): crypto.KeyObject {
	return crypto.createPublicKey({
		key: {
			kty: 'EC',
			crv: 'P-256',
			x: raw.subarray(1, 33).toString('base64url'),
			y: raw.subarray(33, 65).toString('base64url')
		},
		format: 'jwk'
	});
}

/** `vapid t=<jwt>, k=<key>`: the key must be the server's and the ES256 signature must hold. */
function checkVapid(header: string, expectedKey: string, key: crypto.KeyObject) {
	const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header);
	if (!m) throw new Error('no vapid authorization');
	if (m[2] !== expectedKey) throw new Error('wrong vapid key');
	const [h, p, s] = m[1].split('.');
	const head = JSON.parse(Buffer.from(h, 'base64url').toString());
	if (head.alg !== 'ES256') throw new Error('alg');
	const ok = crypto.verify(
		'sha256',
		Buffer.from(`${h}.${p}`),
		{ key, dsaEncoding: 'ieee-p1363' },
		Buffer.from(s, 'base64url')
	);
	if (!ok) throw new Error('bad signature');
	const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
	const now = Date.now() / 1000;
	if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) throw new Error('exp');
	if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error('sub');
	return claims as { aud: string; exp: number; sub: string };
}

const hmac = (key: Buffer, data: Buffer) => crypto.createHmac('sha256', key).update(data).digest();

/** RFC 8291 §3.4 + RFC 8188: one aes128gcm record. */
export function decrypt(body: Buffer, sub: Subscriber): Buffer {
	const salt = body.subarray(0, 16);
	const idlen = body[20];
	const asPublic = body.subarray(21, 21 + idlen);
	const record = body.subarray(21 + idlen);
	const uaPublic = sub.ecdh.getPublicKey();
	const ecdhSecret = sub.ecdh.computeSecret(asPublic);
	const prkKey = hmac(sub.authSecret, ecdhSecret);
	const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
	const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));
	const prk = hmac(salt, ikm);
	const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16);
	const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12);
	const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(record.subarray(record.length - 16));
	const padded = Buffer.concat([
		decipher.update(record.subarray(0, record.length - 16)),
		decipher.final()
	]);
	let end = padded.length - 1;
	while (end >= 0 && padded[end] === 0) end--;
	if (padded[end] !== 2) throw new Error('padding delimiter');
	return padded.subarray(0, end);
}
