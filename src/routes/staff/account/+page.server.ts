import { fail } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { requireStaff } from '$lib/server/staff/auth';
import * as signInSettings from '$lib/server/staff/sign-in-settings';
import * as database from '$lib/server/platform/db';
import * as login from '$lib/server/staff/login';
import * as mail from '$lib/server/mail/mail';
import * as staffMail from '$lib/server/mail/staff';
import * as push from '$lib/server/push/push';
import * as users from '$lib/server/staff/users';
import * as staffLanguage from '$lib/server/staff/language';
import { toStaffLocale } from '$lib/i18n/staff';
import { can } from '$lib/staff/roles';
import type { Actions, PageServerLoad } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async () => {
	const user = requireStaff();
	const method = getRequestEvent().locals.session?.method ?? 'password';
	const { db } = database.get();
	const region = await signInSettings.read(db, user.regionId);
	const subscriptions = await push.listForStaff(db, user.id);
	return {
		locale: user.locale,
		signIn: {
			provider: method.startsWith('oidc:')
				? (region.providers.find((p) => `oidc:${p.id}` === method)?.displayName ?? method.slice(5))
				: null,
			hasPassword: user.hasPassword
		},
		mail: {
			allowed: can(user.role, 'cases'),
			on: mail.enabled(),
			topics: await staffMail.topics(db, user.id)
		},
		push: {
			allowed: can(user.role, 'cases'),
			publicKey: push.vapid().publicKey,
			subscriptions: subscriptions.map((s) => ({
				id: s.id,
				topic: s.topic,
				since: new Date(s.created_at).toISOString()
			}))
		}
	};
};

export const actions: Actions = {
	password: changePassword,
	language: changeLanguage,
	push: subscribe,
	unpush: unsubscribe,
	mail: chooseMail
};

// What this user wants by e-mail; unknown values are dropped, nothing else is stored.
async function chooseMail(event: import('./$types').RequestEvent) {
	const user = requireStaff('cases');
	const form = await bodies.formOrError(event.request);
	const topics = form.getAll('topics').map(String);
	await staffMail.setTopics(database.get().db, user.id, topics);
	return { mail: { done: true } };
}

// New reports in my gemeenten, or the daily overdue reminder, on this device.
async function subscribe(event: import('./$types').RequestEvent) {
	const user = requireStaff('cases');
	const form = await bodies.formOrError(event.request);
	const topic = form.get('topic');
	if (topic !== 'staff_reports' && topic !== 'staff_overdue') {
		return fail(400, { push: { error: 'topic' } });
	}
	let value: unknown;
	try {
		value = JSON.parse(String(form.get('subscription') ?? '').slice(0, 4_096));
	} catch {
		return fail(400, { push: { error: 'subscription' } });
	}
	const parsed = push.parse(value);
	if (!parsed.ok) return fail(400, { push: { error: parsed.error } });
	if (!(await push.resolve(parsed.keys.endpoint))) {
		return fail(400, { push: { error: 'endpoint_address' } });
	}
	const id = await push.subscribe(database.get().db, parsed.keys, {
		topic,
		locale: toStaffLocale(user.locale),
		staffUserId: user.id
	});
	if (!id) return fail(409, { push: { error: 'too_many' } });
	return { push: { done: true } };
}

async function unsubscribe(event: import('./$types').RequestEvent) {
	const user = requireStaff();
	const form = await bodies.formOrError(event.request);
	await push.removeForStaff(database.get().db, user.id, String(form.get('id') ?? ''));
	return { push: { removed: true } };
}

async function changePassword(event: import('./$types').RequestEvent) {
	const user = requireStaff();
	const form = await bodies.formOrError(event.request);
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
	const form = await bodies.formOrError(event.request);
	const locale = toStaffLocale(form.get('locale'));
	await users.setLocale(database.get().db, user.id, locale);
	staffLanguage.remember(event.cookies, event.url, locale);
	// The page this action renders (layout texts, <html lang>) is already in the new language.
	event.locals.staffLocale = locale;
	return { language: { done: true } };
}
