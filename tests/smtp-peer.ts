// A real SMTP server on loopback for tests (smtp-server): it keeps every message it accepts, and
// can refuse recipients (550), stall greetings (a slow server) or be closed and reopened on the
// same port (a server that is down and comes back).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
	from: string;
	to: string[];
	raw: string;
}

export interface Peer {
	port: number;
	url: string;
	received: Received[];
	/** RCPT TO commands seen, accepted or not. */
	attempts: string[];
	/** Recipients answered with 550. */
	refuse: Set<string>;
	/** Milliseconds to wait before answering RCPT TO (a slow server). */
	stallMs: number;
	down(): Promise<void>;
	up(): Promise<void>;
	close(): Promise<void>;
}

export async function start(port = 0): Promise<Peer> {
	let server: SMTPServer | undefined;
	const peer: Peer = {
		port,
		url: '',
		received: [],
		attempts: [],
		refuse: new Set(),
		stallMs: 0,
		async down() {
			const s = server;
			server = undefined;
			if (s) await new Promise<void>((r) => s.close(() => r()));
		},
		async up() {
			server = new SMTPServer({
				authOptional: true,
				disabledCommands: ['AUTH', 'STARTTLS'],
				logger: false,
				onRcptTo(address, _session, callback) {
					peer.attempts.push(address.address);
					if (peer.refuse.has(address.address)) {
						const err = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
						return callback(err);
					}
					// Before DATA: a client that gives up has not handed the message over.
					if (peer.stallMs > 0) setTimeout(() => callback(), peer.stallMs);
					else callback();
				},
				onData(stream, session, callback) {
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => {
						peer.received.push({
							from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
							to: session.envelope.rcptTo.map((a) => a.address),
							raw: Buffer.concat(chunks).toString('utf8')
						});
						callback();
					});
				}
			});
			const s = server;
			await new Promise<void>((resolve, reject) => {
				s.once('error', reject);
				s.listen(peer.port, '127.0.0.1', () => resolve());
			});
			peer.port = (s.server.address() as AddressInfo).port;
			peer.url = `smtp://127.0.0.1:${peer.port}`;
		},
		close() {
			return peer.down();
		}
	};
	await peer.up();
	return peer;
}

/** The decoded text body of a received message (quoted-printable or plain). */
export function body(raw: string): string {
	const [, ...rest] = raw.split(/\r?\n\r?\n/);
	const text = rest.join('\n\n');
	return /Content-Transfer-Encoding: quoted-printable/i.test(raw)
		? Buffer.from(
				text
					.replace(/=\r?\n/g, '')
					.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
				'latin1'
			).toString('utf8')
		: text;
}
