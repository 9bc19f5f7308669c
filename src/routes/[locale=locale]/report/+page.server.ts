import { fail } from '@sveltejs/kit';
import { REFUSAL } from '$lib/server/http/status';
import { config } from '$lib/server/platform/config';
import * as bodies from '$lib/server/http/body';
import * as database from '$lib/server/platform/db';
import * as intake from '$lib/server/meldpunt/intake';
import * as receipts from '$lib/server/meldpunt/receipts';
import * as regions from '$lib/server/regions/regions';
import * as reportInput from '$lib/server/meldpunt/report-input';
import * as tokens from '$lib/server/platform/tokens';
import type { Actions, PageServerLoad } from './$types';

// No framework JavaScript: the form works as plain HTML, and the small /js/report.js adds the
// steps, the outbox and quick exit (issue #15: a cheap phone on a slow connection).
export const csr = false;

export const load: PageServerLoad = async ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const gemeenten = await regions.gemeenten(database.get().db, config.region);
	return {
		gemeenten: gemeenten.map((g) => ({ id: g.id, name: g.name })),
		// A fresh key per form: a repeated POST of this form returns the same receipt.
		submissionKey: tokens.random(20)
	};
};

export const actions: Actions = { default: submit };

async function submit(event: import('./$types').RequestEvent) {
	const body = await bodies.readForm(event.request, bodies.PHOTOS);
	if (!body.ok) {
		return fail(body.status, {
			report: { values: {}, errors: { form: body.error }, hadPhotos: false }
		});
	}
	const raw: reportInput.Raw = body.value.fields;
	const files: Uint8Array[] = [];
	for (const file of body.value.files.photos ?? [])
		files.push(new Uint8Array(await file.arrayBuffer()));
	const result = await intake.submit(database.get().db, raw, files, {
		regionId: config.region,
		locale: event.params.locale,
		channel: 'web',
		client: event.getClientAddress()
	});
	if (!result.ok) {
		// Everything typed comes back; photos cannot (browsers never refill file inputs). A used key
		// is replaced, so sending again makes a new report.
		const values = reportInput.echo(raw);
		if (result.refusal === 'key_used') values.submission_key = tokens.random(20);
		return fail(REFUSAL[result.refusal], {
			report: { values, errors: result.errors, hadPhotos: files.length > 0 }
		});
	}
	// Intake accepted the form, so its consent is 1, 2 or 3, or absent (the schema's default, 1).
	return { receipt: receipts.format(result.receipt), consent: Number(raw.consent) || 1 };
}
