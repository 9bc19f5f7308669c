import { error, fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as welcome from '$lib/server/content/welcome';
import { isLocale, locales } from '$lib/i18n/locales';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

/** The signed-in editor, or 404 for a gemeente outside their scope (same answer as unknown). */
async function editor(gemeente: string) {
	const user = requireStaff('content');
	if (!(await welcome.mayEdit(database.get().db, user, gemeente))) error(404, 'Not found');
	return user;
}

export const load: PageServerLoad = async ({ params, url }) => {
	const user = await editor(params.gemeente);
	const db = database.get().db;
	const wanted = url.searchParams.get('locale');
	const locale = isLocale(wanted) ? wanted : 'nl';
	const pack = await welcome.forEditor(db, params.gemeente);
	const gemeente = (await welcome.gemeenten(db, user.regionId)).find(
		(g) => g.id === params.gemeente
	)!;
	const empty = { welcome: '', waste: '', parking: '', noise: '' };
	const pick = (l: string) => {
		const row = pack.texts.find((t) => t.locale === l);
		return row
			? { welcome: row.welcome, waste: row.waste, parking: row.parking, noise: row.noise }
			: empty;
	};
	return {
		gemeente: { id: gemeente.id, name: gemeente.name },
		publishedAt: pack.publishedAt,
		contacts: welcome.CONTACT_KINDS.map(
			(kind) =>
				pack.contacts.find((c) => c.kind === kind) ?? {
					kind,
					name: '',
					address: '',
					phone: '',
					hours: '',
					website: ''
				}
		),
		locale,
		texts: pick(locale),
		dutch: pick('nl'),
		coverage: welcome.coverage(pack.texts, locales),
		max: welcome.MAX_TEXT
	};
};

export const actions: Actions = { contacts, texts, publish, unpublish };

async function contacts(event: RequestEvent) {
	const user = await editor(event.params.gemeente);
	const form = await bodies.formOrError(event.request);
	const input = welcome.CONTACT_KINDS.map((kind) => ({
		kind,
		name: String(form.get(`${kind}_name`) ?? '').slice(0, 2000),
		address: String(form.get(`${kind}_address`) ?? '').slice(0, 2000),
		phone: String(form.get(`${kind}_phone`) ?? '').slice(0, 2000),
		hours: String(form.get(`${kind}_hours`) ?? '').slice(0, 2000),
		website: String(form.get(`${kind}_website`) ?? '').slice(0, 2000)
	}));
	const checked = welcome.validateContacts(input);
	// Everything typed comes back with the errors, so nothing is lost.
	if (!checked.ok) return fail(400, { contacts: { values: input, errors: checked.errors } });
	await welcome.saveContacts(database.get().db, user.id, event.params.gemeente, checked.contacts);
	return { contacts: { saved: true } };
}

async function texts(event: RequestEvent) {
	const user = await editor(event.params.gemeente);
	const form = await bodies.formOrError(event.request);
	const locale = String(form.get('locale') ?? '');
	if (!isLocale(locale)) return fail(400, { texts: { locale: 'nl', values: {}, errors: {} } });
	const values = Object.fromEntries(
		welcome.FIELDS.map((f) => [f, String(form.get(f) ?? '').slice(0, 50_000)])
	);
	const checked = welcome.validateTexts(values);
	if (!checked.ok) return fail(400, { texts: { locale, values, errors: checked.errors } });
	await welcome.saveTexts(database.get().db, user.id, event.params.gemeente, locale, checked.texts);
	return { texts: { locale, saved: true } };
}

async function setPublished(event: RequestEvent, published: boolean) {
	const user = await editor(event.params.gemeente);
	const r = await welcome.setPublished(
		database.get().db,
		user.id,
		event.params.gemeente,
		published
	);
	if (!r.ok) return fail(400, { publish: { error: r.error } });
	return { publish: { saved: true } };
}

function publish(event: RequestEvent) {
	return setPublished(event, true);
}

function unpublish(event: RequestEvent) {
	return setPublished(event, false);
}
