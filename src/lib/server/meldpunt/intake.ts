// One entry for every channel that submits reports (the web form, the partner API):
// throttle → shape → photos → store. The same rules and the same receipt for all of them, and the
// same text and photo limits for a reporter's reply on the follow-up page.
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { log } from '../platform/log.ts';
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
 * a photo over its limit; unsupported_type: a photo that is no JPEG, PNG or WebP.
 */
export type Refusal = 'throttled' | 'invalid' | 'too_large' | 'unsupported_type';

export type IntakeResult =
	| { ok: true; receipt: string; reportId: string; created: boolean }
	| { ok: false; refusal: Refusal; errors: reportInput.FieldErrors };

export interface IntakeOptions {
	regionId: string;
	locale: string;
	channel: 'web' | 'api';
	client: string;
}

export async function submit(
	db: Db,
	raw: reportInput.Raw,
	files: Uint8Array[],
	opts: IntakeOptions
): Promise<IntakeResult> {
	// A retry of a stored submission answers with its receipt, throttled or not. Looked up first
	// only when it matters: before photos are cleaned again, or when the answer would be 429.
	// Otherwise storing it finds the earlier one anyway, and a query per report is saved.
	const key = typeof raw.submission_key === 'string' ? raw.submission_key : '';
	const stored = async () => {
		if (!reportInput.SUBMISSION_KEY.test(key)) return null;
		const receipt = receipts.fromSubmissionKey(key);
		const id = await reports.findByReceipt(db, receipt);
		return id ? { ok: true as const, receipt, reportId: id, created: false } : null;
	};
	const uploads = files.filter((f) => f.length > 0);
	if (uploads.length > 0) {
		const earlier = await stored();
		if (earlier) return earlier;
	}
	if (!perClient.consume(opts.client) || !global.consume('all')) {
		return (
			(uploads.length > 0 ? null : await stored()) ?? {
				ok: false,
				refusal: 'throttled',
				errors: { form: 'throttled' }
			}
		);
	}

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

	const result = await reports.create(db, parsed.value, cleaned.photos, {
		regionId: opts.regionId,
		locale: opts.locale,
		channel: opts.channel
	});
	if (result.created) {
		// The report is stored; a failed notice must not turn that into an error for the reporter.
		await push
			.onNewReport(db, { regionId: opts.regionId, gemeenteId: parsed.value.gemeente })
			.catch((err: unknown) =>
				log.error({ err: (err as Error).message }, 'new-report push failed')
			);
	}
	return { ok: true, ...result };
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
