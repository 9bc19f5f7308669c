// Who may call every route, action and endpoint — one table, checked by the `handle` hook before
// any route code runs, and by a test that fails when a route, action or method is missing here.
//   public   — anyone
//   reporter — anyone; the route itself checks the follow-up session
//   signin   — the staff sign-in steps (a password session without TOTP may be enough)
//   staff    — any signed-in, TOTP-verified staff user
//   [roles]  — only these roles; others get 404, the answer for a page that does not exist
import type { Role } from '../platform/db/schema.ts';

export type Who = 'public' | 'reporter' | 'signin' | 'staff' | readonly Role[];

export interface Rule {
	/** GET/HEAD of a page (its load functions) */
	page?: Who;
	/** form actions by name ('default' for the unnamed one) */
	actions?: Record<string, Who>;
	/** +server.ts handlers by HTTP method */
	methods?: Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Who>>;
}

export const HANDLING: readonly Role[] = ['admin', 'coordinator', 'handler'];
export const REGIONAL: readonly Role[] = ['admin', 'coordinator'];
/** Content (facilities and other worker-facing data, scoped by gemeente like everything else),
 * survey building and moderation of what workers write. */
export const EDITING: readonly Role[] = ['admin', 'coordinator', 'editor'];
/** Sees survey results: the klankbordgroep and up. */
export const PANEL: readonly Role[] = ['admin', 'coordinator', 'editor', 'panel'];

export const RULES: Record<string, Rule> = {
	'/': { page: 'public' },
	'/[locale=locale]': { page: 'public' },
	'/[locale=locale]/more': { page: 'public' },
	'/[locale=locale]/language': { page: 'public' },
	'/[locale=locale]/language/choose': { methods: { GET: 'public' } },
	'/[locale=locale]/offline': { page: 'public' },
	'/[locale=locale]/today': { page: 'public' },
	'/[locale=locale]/map': { page: 'public' },
	'/[locale=locale]/map/points.json': { methods: { GET: 'public' } },
	'/[locale=locale]/places/[id]': { page: 'public' },
	'/tiles/[z]/[x]/[y].png': { methods: { GET: 'public' } },
	'/.well-known/security.txt': { methods: { GET: 'public' } },
	'/[locale=locale]/guides': { page: 'public' },
	'/[locale=locale]/guides/[slug]': { page: 'public' },
	'/[locale=locale]/glossary': { page: 'public' },
	'/[locale=locale]/welcome': { page: 'public' },
	'/[locale=locale]/welcome/[gemeente]': { page: 'public' },
	'/[locale=locale]/welcome/[gemeente]/print': { page: 'public' },
	'/[locale=locale]/welcome/[gemeente]/flyer': { page: 'public' },
	'/[locale=locale]/manifest.webmanifest': { methods: { GET: 'public' } },
	'/[locale=locale]/report': { page: 'public', actions: { default: 'public' } },
	'/[locale=locale]/report/follow-up': {
		page: 'reporter',
		actions: { open: 'public', reply: 'reporter', leave: 'reporter' }
	},
	'/[locale=locale]/survey': { page: 'public' },
	'/[locale=locale]/survey/[id]': { page: 'public', actions: { default: 'public' } },
	'/[locale=locale]/feedback': { page: 'public', actions: { default: 'public' } },
	'/api/health': { methods: { GET: 'public' } },
	'/api/v1/openapi.json': { methods: { GET: 'public' } },
	'/api/v1/reports': { methods: { POST: 'public' } },
	'/api/v1/facilities': { methods: { GET: 'public' } },
	'/api/v1/reports/follow-up': { methods: { POST: 'public' } },
	'/api/v1/push/key': { methods: { GET: 'public' } },
	// POST checks the follow-up session itself when the topic is a report.
	'/api/v1/push/subscriptions': { methods: { POST: 'public', DELETE: 'public' } },
	'/api/v1/push/subscriptions/query': { methods: { POST: 'public' } },

	'/staff': { page: 'staff' },
	'/staff/login': { page: 'signin', actions: { default: 'signin' } },
	'/staff/login/oidc': { methods: { GET: 'signin' } },
	'/staff/login/oidc/callback': { methods: { GET: 'signin' } },
	'/staff/logout': { page: 'signin', actions: { default: 'signin' } },
	'/staff/totp': { page: 'signin', actions: { default: 'signin' } },
	'/staff/totp/setup': { page: 'signin', actions: { default: 'signin' } },
	'/staff/setup/[token]': { page: 'signin', actions: { default: 'signin' } },
	'/staff/account': {
		page: 'staff',
		actions: { password: 'staff', language: 'staff', push: HANDLING, unpush: 'staff' }
	},
	'/staff/news': { page: REGIONAL, actions: { post: REGIONAL } },
	'/staff/users': {
		page: ['admin'],
		actions: {
			add: ['admin'],
			link: ['admin'],
			disable: ['admin'],
			enable: ['admin'],
			endSessions: ['admin']
		}
	},
	'/staff/inbox': { page: HANDLING },
	'/staff/welcome': { page: EDITING },
	'/staff/welcome/[gemeente]': {
		page: EDITING,
		actions: { contacts: EDITING, texts: EDITING, publish: EDITING, unpublish: EDITING }
	},
	'/staff/facts': { page: EDITING, actions: { update: EDITING } },
	'/staff/reports/[id]': {
		page: HANDLING,
		actions: {
			status: HANDLING,
			priority: HANDLING,
			assign: HANDLING,
			note: HANDLING,
			reply: HANDLING,
			move: HANDLING,
			refer: HANDLING,
			outcome: HANDLING
		}
	},
	'/staff/reports/[id]/photos/[photo]': { methods: { GET: HANDLING } },
	'/staff/reports/[id]/referrals/[referral]': { page: HANDLING },
	'/staff/statistics': { page: HANDLING },
	'/staff/statistics/export': { methods: { GET: HANDLING } },
	'/staff/audit': { page: REGIONAL },
	'/staff/settings': { page: REGIONAL, actions: { sla: REGIONAL } },
	'/staff/facilities': {
		page: EDITING,
		actions: { import: EDITING, demo: EDITING }
	},
	'/staff/facilities/new': { page: EDITING, actions: { default: EDITING } },
	'/staff/facilities/export': { methods: { GET: EDITING } },
	'/staff/facilities/[id]': {
		page: EDITING,
		actions: {
			save: EDITING,
			publish: EDITING,
			unpublish: EDITING,
			verify: EDITING,
			delete: EDITING
		}
	},
	'/staff/surveys': { page: EDITING, actions: { add: EDITING } },
	'/staff/surveys/[id]': {
		page: EDITING,
		actions: {
			save: EDITING,
			question: EDITING,
			remove: EDITING,
			open: EDITING,
			close: EDITING,
			codes: EDITING
		}
	},
	'/staff/moderation': { page: EDITING, actions: { decide: EDITING } },
	'/staff/feedback': { page: EDITING },
	'/staff/results': { page: PANEL },
	'/staff/results/[id]': { page: PANEL, actions: { comment: PANEL } },
	'/staff/results/[id]/export': { methods: { GET: PANEL } },
	'/staff/yousaid': { page: REGIONAL, actions: { publish: REGIONAL } },
	'/staff/templates': {
		page: REGIONAL,
		actions: { add: REGIONAL, disable: REGIONAL, enable: REGIONAL }
	}
};

export type Decision = 'allow' | 'login' | 'not_found';

export function decide(
	rule: Rule | undefined,
	request: { method: string; action: string | null; isPage: boolean },
	user: { role: Role; verified: boolean } | null
): Decision {
	if (!rule) return 'not_found';
	const safe = request.method === 'GET' || request.method === 'HEAD';
	let who: Who | undefined;
	if (request.isPage && safe) who = rule.page;
	else if (request.isPage && request.method === 'POST')
		who = rule.actions?.[request.action ?? 'default'];
	else
		who =
			rule.methods?.[request.method as keyof NonNullable<Rule['methods']>] ??
			(safe ? rule.methods?.GET : undefined);
	if (!who) return 'not_found';
	if (who === 'public' || who === 'reporter' || who === 'signin') return 'allow';
	if (!user || !user.verified) return 'login';
	if (who === 'staff') return 'allow';
	return who.includes(user.role) ? 'allow' : 'not_found';
}
