import { fail } from '@sveltejs/kit';
import { REFUSAL } from '$lib/server/http/status';
import * as bodies from '$lib/server/http/body';
import { pack } from '$lib/server/i18n/messages';
import * as database from '$lib/server/platform/db';
import { config } from '$lib/server/platform/config';
import * as tokens from '$lib/server/platform/tokens';
import * as intake from '$lib/server/meldpunt/intake';
import * as receipts from '$lib/server/meldpunt/receipts';
import * as reportInput from '$lib/server/meldpunt/report-input';
import * as regions from '$lib/server/regions/regions';
import { requireStaff } from '$lib/server/staff/auth';
import { isLocale } from '$lib/i18n/locales';
import { LABELS } from '$lib/report/labels';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	const user = requireStaff('cases');
	setHeaders({ 'cache-control': 'no-store' });
	return {
		gemeenten: (await regions.gemeenten(database.get().db, user.regionId)).map((g) => ({
			id: g.id,
			name: g.name
		})),
		labels: pack(locals.staffLocale, [...LABELS, 'report_consent_', 'report_error_', 'error_']),
		// A fresh key per form: a second click on "file" returns the same receipt, not a second report.
		submissionKey: tokens.random(20)
	};
};

export const actions: Actions = { default: file };

/**
 * Files a report as the worker tells it, through the same intake as the worker's own form. The
 * worker's language decides the report's language and the slip's; nothing else about them is kept.
 */
async function file(event: RequestEvent) {
	const user = requireStaff('cases');
	const body = await bodies.readForm(event.request, bodies.DEFAULT);
	if (!body.ok) return fail(body.status, { values: {}, errors: { form: body.error } });
	const raw: reportInput.Raw = body.value.fields;
	const locale = String(raw.worker_locale ?? '');
	if (!isLocale(locale))
		return fail(400, { values: reportInput.echo(raw), errors: { worker_locale: 'choice' } });
	const result = await intake.submit(database.get().db, raw, [], {
		regionId: user.regionId,
		locale,
		channel: 'web',
		// Staff at an informatiepunt file for many workers from one address: their own limit.
		client: `staff:${user.id}`,
		assistedBy: user.id
	});
	if (!result.ok) {
		const values: Record<string, string | string[]> = {
			...reportInput.echo(raw),
			worker_locale: locale
		};
		if (result.refusal === 'key_used') values.submission_key = tokens.random(20);
		return fail(REFUSAL[result.refusal], { values, errors: result.errors });
	}
	const consent = String(raw.consent ?? '');
	return {
		slip: {
			receipt: receipts.format(result.receipt),
			locale,
			consent,
			followUp: `${config.origin}/${locale}/report/follow-up`,
			t: pack(locale, ['report_done_', 'report_receipt_', 'report_followup_', 'report_consent_'])
		}
	};
}
