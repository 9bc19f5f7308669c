import { error, fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as sla from '$lib/server/casework/sla';
import * as contacts from '$lib/server/partners/contacts';
import { GROUPS } from '$lib/report/catalogue';
import { pack } from '$lib/server/i18n/messages';
import type { Actions, PageServerLoad } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireStaff('region');
	const { db } = database.get();
	return {
		levels: await sla.read(db, user.regionId),
		partners: await contacts.list(db, user.regionId),
		labels: pack(locals.staffLocale, ['report_group_'])
	};
};

export const actions: Actions = { sla: saveLevels, partner: savePartner };

async function savePartner(event: import('./$types').RequestEvent) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const id = String(form.get('id') ?? '').slice(0, 200);
	const emails = String(form.get('emails') ?? '').slice(0, 2_000);
	const input = {
		referralEmails: contacts.parseEmails(emails),
		languages: form.getAll('languages').map(String),
		acceptsAnonymous: form.get('anonymous') === 'on'
	};
	const problem = await contacts.update(database.get().db, user, id, input);
	if (problem === 'not_found') error(404, 'Not found');
	if (problem) return fail(400, { partner: { id, error: problem, emails } });
	return { partner: { id, done: true } };
}

async function saveLevels(event: import('./$types').RequestEvent) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const num = (k: string) => Number(form.get(k) ?? NaN);
	const levels = Object.fromEntries(
		GROUPS.map((g) => [
			g,
			{
				ackDays: num(`${g}.ackDays`),
				urgentAckWorkingDays: num(`${g}.urgentAckWorkingDays`),
				feedbackMonths: num(`${g}.feedbackMonths`)
			}
		])
	) as sla.Levels;
	const problem = await sla.save(database.get().db, user, levels);
	if (problem) return fail(400, { sla: { error: problem, levels } });
	return { sla: { done: true } };
}
