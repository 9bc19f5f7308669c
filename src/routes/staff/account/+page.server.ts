import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth';
import * as database from '$lib/server/db';
import * as login from '$lib/server/login';
import * as users from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const user = requireStaff();
	return { locale: user.locale };
};

export const actions: Actions = { password: changePassword, language: changeLanguage };

async function changePassword(event: import('./$types').RequestEvent) {
	const user = requireStaff();
	const form = await event.request.formData();
	const result = await login.changePassword(database.get().db, {
		userId: user.id,
		sessionId: event.locals.session!.id,
		current: String(form.get('current') ?? ''),
		next: String(form.get('password') ?? ''),
		confirm: String(form.get('confirm') ?? '')
	});
	if (!result.ok) {
		return fail(400, {
			password: { error: result.error === 'invalid' ? 'wrong_password' : result.error }
		});
	}
	return { password: { done: true } };
}

async function changeLanguage(event: import('./$types').RequestEvent) {
	const user = requireStaff();
	const form = await event.request.formData();
	const locale = form.get('locale') === 'en' ? 'en' : 'nl';
	await users.setLocale(database.get().db, user.id, locale);
	event.cookies.set('staff_lang', locale, {
		path: '/staff',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:'
	});
	return { language: { done: true } };
}
