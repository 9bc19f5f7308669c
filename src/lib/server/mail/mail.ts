// E-mail: an outbox row per message, delivered over SMTP (nodemailer) by a pg-boss worker with
// retries and backoff. Without SMTP_URL mail is off: `enqueue` says so and stores nothing, so
// callers show the link instead (never a silent drop).
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { PgBoss } from 'pg-boss';
import * as boss from '../platform/boss.ts';
import { config } from '../platform/config.ts';
import * as crypto from '../platform/crypto.ts';
import type { Db } from '../platform/db/index.ts';
import { log } from '../platform/log.ts';
import * as texts from './texts.ts';

export const QUEUE = 'mail';

export interface Job {
	/** mail row id; the job carries nothing else */
	m: string;
}

export interface Message<K extends texts.Kind> {
	regionId: string;
	kind: K;
	recipient: string;
	locale: string;
	params: texts.Params[K];
}

export function enabled(): boolean {
	return config.smtpUrl !== undefined;
}

// Connection refused, timeouts and 4xx answers are transient (RFC 5321 §4.2.1): retried with
// exponential backoff (MAIL_RETRY_SECONDS, doubled each time, at most 30 minutes). A 5xx answer
// is permanent: the mail is marked failed at once and never retried, so a refusing server gets
// one attempt per mail, not a retry storm.
function retry() {
	return {
		retryLimit: config.mailRetryLimit,
		retryDelay: config.mailRetrySeconds,
		retryBackoff: true,
		retryDelayMax: 1800
	};
}

export async function createQueues(b: PgBoss): Promise<void> {
	// A send that hangs past the socket timeouts below is given up by pg-boss and retried.
	await b.createQueue(QUEUE, { ...retry(), expireInSeconds: 180, retentionSeconds: 86_400 });
}

/** Queues one mail; 'off' when no SMTP server is set (nothing stored, the caller says so). */
export async function enqueue<K extends texts.Kind>(
	db: Db,
	message: Message<K>
): Promise<'queued' | 'off'> {
	if (!enabled()) return 'off';
	const b = boss.get();
	if (!b) throw new Error('mail needs the job queue (it runs in the app, not the admin CLI)');
	const id = randomUUID();
	await db
		.insertInto('mail')
		.values({
			id,
			region_id: message.regionId,
			kind: message.kind,
			recipient: message.recipient,
			locale: message.locale,
			// A setup link is a credential: sealed at rest like staff TOTP keys (ASVS 6.2.1).
			params: crypto.sealWithMaster(Buffer.from(JSON.stringify(message.params)), `mail:${id}`)
		})
		.execute();
	await b.send(QUEUE, { m: id } satisfies Job, {
		...retry(),
		db: db.isTransaction ? boss.inTransaction(db) : undefined
	});
	return 'queued';
}

/** Queues many mails in one statement each (the daily summary's fan-out). */
export async function enqueueMany<K extends texts.Kind>(
	db: Db,
	messages: Message<K>[]
): Promise<number> {
	if (!enabled() || messages.length === 0) return 0;
	const b = boss.get();
	if (!b) throw new Error('mail needs the job queue (it runs in the app, not the admin CLI)');
	const rows = messages.map((message) => {
		const id = randomUUID();
		return {
			id,
			region_id: message.regionId,
			kind: message.kind,
			recipient: message.recipient,
			locale: message.locale,
			params: crypto.sealWithMaster(Buffer.from(JSON.stringify(message.params)), `mail:${id}`)
		};
	});
	for (let i = 0; i < rows.length; i += 500) {
		const chunk = rows.slice(i, i + 500);
		await db.insertInto('mail').values(chunk).execute();
		await b.insert(
			QUEUE,
			chunk.map((r) => ({ data: { m: r.id } satisfies Job, ...retry() })),
			{ db: db.isTransaction ? boss.inTransaction(db) : undefined }
		);
	}
	return rows.length;
}

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(): Transporter {
	const url = config.smtpUrl!;
	if (transport?.url !== url) {
		transport?.transporter.close();
		transport = {
			url,
			transporter: nodemailer.createTransport({
				url,
				pool: true,
				maxConnections: 2,
				// A slow server costs one worker slot for at most this long, then the send retries.
				connectionTimeout: config.mailTimeoutMs,
				greetingTimeout: config.mailTimeoutMs,
				socketTimeout: config.mailTimeoutMs
			} as Parameters<typeof nodemailer.createTransport>[0])
		};
	}
	return transport.transporter;
}

/** Closes the SMTP connection pool (tests, shutdown). */
export function close(): void {
	transport?.transporter.close();
	transport = undefined;
}

interface SmtpError extends Error {
	code?: string;
	responseCode?: number;
	response?: string;
}

function describe(err: SmtpError): string {
	const code = err.responseCode ?? err.code ?? 'error';
	return `${code} ${(err.response ?? err.message).replace(/\s+/g, ' ')}`.slice(0, 300);
}

export type Outcome = 'sent' | 'retry' | 'failed' | 'none';

/**
 * Sends one queued mail. `lastAttempt`: pg-boss will not retry again, so a transient failure
 * becomes a visible one. Returns 'retry' when the job should fail and be retried.
 */
export async function deliver(db: Db, id: string, lastAttempt: boolean): Promise<Outcome> {
	const row = await db.selectFrom('mail').selectAll().where('id', '=', id).executeTakeFirst();
	// Sent by an earlier attempt whose job then expired, or purged: never send twice.
	if (!row || row.state !== 'queued') return 'none';
	const params = JSON.parse(crypto.openWithMaster(row.params, `mail:${row.id}`).toString('utf8'));
	const { subject, text } = texts.render(row.kind as texts.Kind, row.locale, params);
	let outcome: Outcome;
	let error: string | null = null;
	try {
		const info = await transporter().sendMail({
			from: config.mailFrom,
			replyTo: config.mailReplyTo,
			to: row.recipient,
			subject,
			text,
			// RFC 3834: automatic mail; out-of-office replies should not answer it.
			headers: { 'Auto-Submitted': 'auto-generated' }
		});
		outcome = (info.rejected ?? []).length > 0 ? 'failed' : 'sent';
		if (outcome === 'failed') error = `rejected ${String(info.response ?? '')}`.slice(0, 300);
	} catch (err) {
		const e = err as SmtpError;
		error = describe(e);
		const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
		outcome = permanent || lastAttempt ? 'failed' : 'retry';
	}
	await db
		.updateTable('mail')
		.set((eb) => ({
			state: outcome === 'retry' ? 'queued' : outcome === 'sent' ? 'sent' : 'failed',
			attempts: eb('attempts', '+', 1),
			error,
			settled_at: outcome === 'retry' ? null : new Date()
		}))
		.where('id', '=', row.id)
		.execute();
	// The id and the server's answer only: no recipient, no text (no personal data in logs).
	if (outcome !== 'sent')
		log.warn({ mail: row.id, kind: row.kind, outcome, error }, 'mail not sent');
	return outcome;
}

export interface Failure {
	id: string;
	kind: string;
	recipient: string;
	attempts: number;
	error: string | null;
	at: Date | null;
}

/** The latest mails that could not be delivered, for the admin page. */
export async function failures(db: Db, regionId: string, limit = 20): Promise<Failure[]> {
	const rows = await db
		.selectFrom('mail')
		.select(['id', 'kind', 'recipient', 'attempts', 'error', 'settled_at'])
		.where('region_id', '=', regionId)
		.where('state', '=', 'failed')
		.orderBy('settled_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ ...r, at: r.settled_at }));
}

/** Queues a failed mail of the region again (an admin fixed the address or the server). */
export async function retryFailed(db: Db, regionId: string, id: string): Promise<boolean> {
	const b = boss.get();
	if (!enabled() || !b) return false;
	const row = await db
		.updateTable('mail')
		.set({ state: 'queued', settled_at: null })
		.where('id', '=', id)
		.where('region_id', '=', regionId)
		.where('state', '=', 'failed')
		.returning('id')
		.executeTakeFirst();
	if (!row) return false;
	await b.send(QUEUE, { m: id } satisfies Job, retry());
	return true;
}

/** Forgets settled mail after 30 days: the outbox is no archive of who got what. */
export async function purge(db: Db, now = new Date()): Promise<number> {
	const result = await db
		.deleteFrom('mail')
		.where('state', 'in', ['sent', 'failed'])
		.where('settled_at', '<', new Date(now.getTime() - 30 * 86_400_000))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
