// One entry for every channel that submits reports (the web form, the partner API):
// throttle → shape → photos → store. The same rules and the same receipt for all of them, and the
// same text and photo limits for a reporter's reply on the follow-up page.
import { createHash } from 'node:crypto';
import * as audit from '../platform/audit.ts';
import { config } from '../platform/config.ts';
import * as crypto from '../platform/crypto.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import { log } from '../platform/log.ts';
import * as followup from './followup.ts';
import * as photos from './photos.ts';
import * as push from '../push/push.ts';
import { Limiter } from '../platform/rate-limit.ts';
import { clean, length } from '../../shell/text.ts';
import * as regions from '../regions/regions.ts';
import * as reportInput from './report-input.ts';
import * as reports from './reports.ts';
import * as receipts from './receipts.ts';

export const perClient = new Limiter(
	'intake-client',
	config.intakePerClientPerHour,
	60 * 60 * 1000
);
export const global = new Limiter('intake-global', config.intakeGlobalPerMinute, 60 * 1000);

/**
 * Why a submission was refused. The domain says what went wrong; routes choose the HTTP status.
 * throttled: too many from this client or in total; invalid: a field is wrong; too_large: text or
 * a photo over its limit; unsupported_type: a photo that is no JPEG, PNG or WebP; key_used: a
 * submission key seen before for other content or longer ago (no receipt for the key alone).
 */
export type Refusal = 'throttled' | 'invalid' | 'too_large' | 'unsupported_type' | 'key_used';

export type IntakeResult =
	| { ok: true; receipt: string; reportId: string; created: boolean }
	| { ok: false; refusal: Refusal; errors: reportInput.FieldErrors };

export interface IntakeOptions {
	regionId: string;
	locale: string;
	channel: 'web' | 'api';
	client: string;
	/** the staff member filing on a worker's behalf: the report is flagged, the filing audited */
	assistedBy?: string;
	now?: Date;
}

// A retry of one submission (a double tap, an answer lost on a bad connection) gets the same
// receipt, but only for the same content, within this window, and from this instance's memory.
// A stored key never opens a report by itself: that would make the key a second receipt without
// the receipt's throttling (issue #17; GlobaLeaks keeps no such lookup either).
export const RETRY_WINDOW_MS = 15 * 60 * 1000;
const MAX_RECENT = 50_000;

interface Recent {
	fingerprint: string;
	result: Promise<IntakeResult>;
	until: number;
}
const recent = new Map<string, Recent>();

const THROTTLED: IntakeResult = { ok: false, refusal: 'throttled', errors: { form: 'throttled' } };
const KEY_USED: IntakeResult = {
	ok: false,
	refusal: 'key_used',
	errors: { submission_key: 'submission_key_used' }
};

export async function submit(
	db: Db,
	raw: reportInput.Raw,
	files: Uint8Array[],
	opts: IntakeOptions
): Promise<IntakeResult> {
	const uploads = files.filter((f) => f.length > 0);
	const key = typeof raw.submission_key === 'string' ? raw.submission_key : '';
	if (!reportInput.validKey(key)) return store(db, raw, uploads, opts);

	const now = (opts.now ?? new Date()).getTime();
	const id = receipts.submissionHash(key).toString('base64url');
	const fingerprint = contentFingerprint(raw, uploads);
	const earlier = recent.get(id);
	if (earlier && earlier.until > now) {
		// A replay tries a key for a receipt: it counts against the follow-up limiter.
		if (!followup.perClient.consume(opts.client)) return THROTTLED;
		if (earlier.fingerprint !== fingerprint) return KEY_USED;
		const result = await earlier.result;
		return result.ok ? { ...result, created: false } : result;
	}

	const result = store(db, raw, uploads, opts);
	remember(id, { fingerprint, result, until: now + RETRY_WINDOW_MS }, now);
	const settled = await result;
	// Only a stored report is worth repeating; after a refusal the same key may try again.
	if (!settled.ok && recent.get(id)?.result === result) recent.delete(id);
	if (settled.ok && !settled.created) {
		// Stored earlier, but not by a retry this instance remembers: no receipt for the key alone.
		if (!followup.perClient.consume(opts.client)) return THROTTLED;
		return KEY_USED;
	}
	return settled;
}

/** A keyed hash of everything submitted but the key, photos by their bytes. */
function contentFingerprint(raw: reportInput.Raw, uploads: Uint8Array[]): string {
	const fields = Object.entries(raw)
		.filter(([k]) => k !== 'submission_key')
		.sort(([a], [b]) => (a < b ? -1 : 1));
	const photoHashes = uploads.map((u) => createHash('sha256').update(u).digest('base64url'));
	return crypto
		.hmac('submission-content', JSON.stringify([fields, photoHashes]))
		.toString('base64url');
}

function remember(id: string, entry: Recent, now: number): void {
	recent.delete(id);
	recent.set(id, entry);
	if (recent.size <= MAX_RECENT) return;
	// Bounded memory: expired entries first, then the oldest (a Map keeps insertion order).
	for (const [k, e] of recent) if (e.until <= now) recent.delete(k);
	for (const k of recent.keys()) {
		if (recent.size <= MAX_RECENT) break;
		recent.delete(k);
	}
}

async function store(
	db: Db,
	raw: reportInput.Raw,
	uploads: Uint8Array[],
	opts: IntakeOptions
): Promise<IntakeResult> {
	if (!perClient.consume(opts.client) || !global.consume('all')) return THROTTLED;

	const gemeenten = await gemeenteIds(db, opts.regionId);
	const parsed = reportInput.parse(raw, gemeenten);
	const errors: reportInput.FieldErrors = parsed.ok ? {} : { ...parsed.errors };

	let refusal: Refusal = errors.text === 'text_too_long' ? 'too_large' : 'invalid';
	const cleaned = await cleanPhotos(uploads);
	if (!cleaned.ok) {
		errors.photos = cleaned.error;
		if (cleaned.refusal !== 'invalid') refusal = cleaned.refusal;
	}
	if (!parsed.ok || !cleaned.ok) return { ok: false, refusal, errors };

	const options: reports.CreateOptions = {
		regionId: opts.regionId,
		locale: opts.locale,
		channel: opts.channel,
		assisted: opts.assistedBy !== undefined,
		now: opts.now
	};
	const result = opts.assistedBy
		? await createAssisted(db, parsed.value, cleaned.photos, options, opts.assistedBy)
		: await reports.create(db, parsed.value, cleaned.photos, options);
	if (result.created) {
		// The report is stored; a failed notice must not turn that into an error for the reporter.
		await push
			.onNewReport(db, { regionId: opts.regionId, gemeenteId: parsed.value.gemeente }, opts.now)
			.catch((err: unknown) =>
				log.error({ err: (err as Error).message }, 'new-report push failed')
			);
	}
	return { ok: true, ...result };
}

/**
 * A report staff file on a worker's behalf commits together with the audit entry naming who filed
 * it. The entry says who and for which gemeente, never what the report says (audit.ts, issue #4).
 */
async function createAssisted(
	db: Db,
	input: reportInput.ReportInput,
	uploads: photos.CleanPhoto[],
	options: reports.CreateOptions,
	staffId: string
) {
	return database.transaction(db, async (trx) => {
		const created = await reports.create(trx, input, uploads, options);
		if (created.created)
			await audit.record(trx, {
				actorId: staffId,
				action: 'report.assisted',
				objectType: 'report',
				objectId: created.reportId,
				gemeenteId: input.gemeente,
				detail: { locale: options.locale, consent: input.consent }
			});
		return created;
	});
}

/** At most MAX_PHOTOS photos, each checked by its bytes and re-encoded (photos.ts). */
export async function cleanPhotos(
	uploads: Uint8Array[]
): Promise<
	{ ok: true; photos: photos.CleanPhoto[] } | { ok: false; refusal: Refusal; error: string }
> {
	if (uploads.length > photos.MAX_PHOTOS) {
		return { ok: false, refusal: 'invalid', error: 'photo_count' };
	}
	const cleaned: photos.CleanPhoto[] = [];
	for (const upload of uploads) {
		const r = await photos.clean(upload);
		if (!r.ok) {
			const refusal: Refusal =
				r.error === 'photo_too_large'
					? 'too_large'
					: r.error === 'photo_type'
						? 'unsupported_type'
						: 'invalid';
			return { ok: false, refusal, error: r.error };
		}
		cleaned.push(r.photo);
	}
	return { ok: true, photos: cleaned };
}

export type ReplyResult = { ok: true } | { ok: false; refusal: Refusal; error: string };

/**
 * A reporter's reply on the follow-up page: text and photos under the report's own limits
 * (report-input's MAX_TEXT, MAX_PHOTOS), stored sealed with the report's data key.
 */
export async function reply(
	db: Db,
	reportId: string,
	input: { text: unknown; files: Uint8Array[]; locale: string }
): Promise<ReplyResult> {
	const text = clean(input.text);
	const uploads = input.files.filter((f) => f.length > 0);
	if (length(text) > reportInput.MAX_TEXT) {
		return { ok: false, refusal: 'too_large', error: 'text_too_long' };
	}
	if (!text && uploads.length === 0) return { ok: false, refusal: 'invalid', error: 'reply_empty' };
	const cleaned = await cleanPhotos(uploads);
	if (!cleaned.ok) return cleaned;
	await reports.addMessage(
		db,
		reportId,
		{ author: 'reporter', text: text || null, language: input.locale },
		cleaned.photos
	);
	// Stored; a failed notice must not turn that into an error for the reporter.
	await push
		.onReply(db, reportId)
		.catch((err: unknown) => log.error({ err: (err as Error).message }, 'reply push failed'));
	return { ok: true };
}

// Gemeenten change a few times a year; reading them for every report is waste at peak intake.
const cache = new Map<string, { ids: string[]; until: number }>();
const CACHE_MS = 30_000;

async function gemeenteIds(db: Db, regionId: string): Promise<string[]> {
	const hit = cache.get(regionId);
	if (hit && hit.until > Date.now()) return hit.ids;
	const ids = (await regions.gemeenten(db, regionId)).map((g) => g.id);
	cache.set(regionId, { ids, until: Date.now() + CACHE_MS });
	return ids;
}
