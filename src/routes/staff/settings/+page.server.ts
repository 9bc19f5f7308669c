import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as audit from '$lib/server/platform/audit';
import * as database from '$lib/server/platform/db';
import * as sla from '$lib/server/casework/sla';
import { GROUPS } from '$lib/report/catalogue';
import { pack } from '$lib/server/i18n/messages';
import type { Actions, PageServerLoad } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireStaff('region');
	return {
		levels: await sla.read(database.get().db, user.regionId),
		labels: pack(locals.staffLocale, ['report_group_'])
	};
};

export const actions: Actions = { sla: saveLevels };

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
	const problem = sla.validate(levels);
	if (problem) return fail(400, { sla: { error: problem, levels } });
	const { db } = database.get();
	await sla.write(db, user.regionId, levels);
	await audit.record(db, {
		actorId: user.id,
		action: 'settings.sla',
		objectType: 'region',
		objectId: user.regionId,
		detail: { levels }
	});
	return { sla: { done: true } };
}
