// One entry for every channel that submits reports (the web form, the partner API):
// throttle → shape → photos → store. The same rules and the same receipt for all of them.
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { log } from '../platform/log.ts';
import * as photos from './photos.ts';
import * as push from '../push/push.ts';
import { Limiter } from '../platform/rate-limit.ts';
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

export type IntakeResult =
	| { ok: true; receipt: string; reportId: string; created: boolean }
	| { ok: false; status: 400 | 413 | 415 | 429; errors: reportInput.FieldErrors };

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
				status: 429,
				errors: { form: 'throttled' }
			}
		);
	}

	const gemeenten = await gemeenteIds(db, opts.regionId);
	const parsed = reportInput.parse(raw, gemeenten);
	const errors: reportInput.FieldErrors = parsed.ok ? {} : { ...parsed.errors };

	const cleaned: photos.CleanPhoto[] = [];
	let status: 400 | 413 | 415 = errors.text === 'text_too_long' ? 413 : 400;
	if (uploads.length > photos.MAX_PHOTOS) {
		errors.photos = 'photo_count';
	} else {
		for (const upload of uploads) {
			const r = await photos.clean(upload);
			if (r.ok) {
				cleaned.push(r.photo);
				continue;
			}
			errors.photos = r.error;
			if (r.error === 'photo_too_large') status = 413;
			else if (r.error === 'photo_type') status = 415;
			break;
		}
	}
	if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, status, errors };

	const result = await reports.create(db, parsed.value, cleaned, {
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
