// Who may call every route, action and endpoint — one table, checked by the `handle` hook before
// any route code runs, and by a test that fails when a route, action or method is missing here.
//   public   — anyone
//   reporter — anyone; the route itself checks the follow-up session
//   signin   — the staff sign-in steps (a password session without TOTP may be enough)
//   desk     — the partner desk; the route itself checks the referral link, its code and the
//            browser session it opened (src/lib/server/partners/desk.ts)
//   staff    — any signed-in, TOTP-verified staff user
//   a permission (cases, region, content, results, users, partner) — only the roles that hold it in the
//            roles table; others get 404, the answer for a page that does not exist
import { can, type Permission, type Role } from '../../staff/roles.ts';

export type Who = 'public' | 'reporter' | 'signin' | 'desk' | 'staff' | Permission;

export interface Rule {
	/** GET/HEAD of a page (its load functions) */
	page?: Who;
	/** form actions by name ('default' for the unnamed one) */
	actions?: Record<string, Who>;
	/** +server.ts handlers by HTTP method */
	methods?: Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Who>>;
}

export const RULES: Record<string, Rule> = {
	'/': { page: 'public' },
	'/[locale=locale]': { page: 'public' },
	'/[locale=locale]/more': { page: 'public' },
	'/[locale=locale]/privacy': { page: 'public' },
	'/[locale=locale]/accessibility': { page: 'public' },
	'/[locale=locale]/language': { page: 'public' },
	'/[locale=locale]/language/choose': { methods: { GET: 'public' } },
	'/[locale=locale]/offline': { page: 'public' },
	'/[locale=locale]/today': { page: 'public' },
	'/[locale=locale]/map': { page: 'public' },
	'/[locale=locale]/map/points.json': { methods: { GET: 'public' } },
	'/[locale=locale]/places/[id=uuid]': { page: 'public' },
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
		actions: { open: 'public', reply: 'reporter', answer: 'reporter', leave: 'reporter' }
	},
	'/[locale=locale]/survey': { page: 'public' },
	'/[locale=locale]/survey/[id=uuid]': { page: 'public', actions: { default: 'public' } },
	'/[locale=locale]/feedback': { page: 'public', actions: { default: 'public' } },
	'/api/health': { methods: { GET: 'public' } },
	'/api/v1/openapi.json': { methods: { GET: 'public' } },
	'/api/v1/reports': { methods: { POST: 'public' } },
	'/api/v1/facilities': { methods: { GET: 'public' } },
	'/api/v1/reports/follow-up': { methods: { POST: 'public' } },
	'/api/v1/reports/follow-up/answers': { methods: { POST: 'public' } },
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
		actions: { password: 'staff', language: 'staff', push: 'cases', unpush: 'staff', mail: 'cases' }
	},
	'/staff/news': { page: 'content', actions: { post: 'content', remove: 'content' } },
	'/staff/users': {
		page: 'users',
		actions: {
			add: 'users',
			change: 'users',
			link: 'users',
			disable: 'users',
			enable: 'users',
			endSessions: 'users',
			remail: 'users'
		}
	},
	'/staff/inbox': { page: 'cases' },
	'/staff/assisted': { page: 'cases', actions: { default: 'cases' } },
	'/staff/welcome': { page: 'content' },
	'/staff/welcome/[gemeente]': {
		page: 'content',
		actions: { contacts: 'content', texts: 'content', publish: 'content', unpublish: 'content' }
	},
	'/staff/facts': { page: 'content', actions: { update: 'content' } },
	'/staff/reports/[id=uuid]': {
		page: 'cases',
		actions: {
			status: 'cases',
			priority: 'cases',
			assign: 'cases',
			note: 'cases',
			ask: 'cases',
			unask: 'cases',
			reply: 'cases',
			move: 'cases',
			refer: 'cases',
			outcome: 'cases',
			relink: 'cases',
			withdraw: 'cases'
		}
	},
	'/staff/reports/[id=uuid]/photos/[photo=uuid]': { methods: { GET: 'cases' } },
	'/staff/reports/[id=uuid]/referrals/[referral=uuid]': { page: 'cases' },
	'/staff/desk/[token]': {
		page: 'desk',
		actions: { open: 'desk', acknowledge: 'desk', answer: 'desk', language: 'desk' }
	},
	'/staff/desk/[token]/photos/[photo=uuid]': { methods: { GET: 'desk' } },
	// A partner user's inbox; each route also checks the referral was sent to its organisation.
	'/staff/partner': { page: 'partner' },
	'/staff/partner/[referral=uuid]': {
		page: 'partner',
		actions: { acknowledge: 'partner', answer: 'partner' }
	},
	'/staff/partner/[referral=uuid]/photos/[photo=uuid]': { methods: { GET: 'partner' } },
	'/staff/statistics': { page: 'cases' },
	'/staff/statistics/export': { methods: { GET: 'cases' } },
	'/staff/audit': { page: 'region' },
	'/staff/settings': { page: 'region', actions: { sla: 'region', partner: 'region' } },
	'/staff/facilities': {
		page: 'content',
		actions: { import: 'content', demo: 'content' }
	},
	'/staff/facilities/new': { page: 'content', actions: { default: 'content' } },
	'/staff/facilities/export': { methods: { GET: 'content' } },
	'/staff/facilities/[id=uuid]': {
		page: 'content',
		actions: {
			save: 'content',
			publish: 'content',
			unpublish: 'content',
			verify: 'content',
			delete: 'content'
		}
	},
	'/staff/surveys': { page: 'content', actions: { add: 'content' } },
	'/staff/surveys/[id=uuid]': {
		page: 'content',
		actions: {
			save: 'content',
			question: 'content',
			remove: 'content',
			open: 'content',
			close: 'content',
			codes: 'content'
		}
	},
	'/staff/moderation': { page: 'content', actions: { decide: 'content' } },
	'/staff/feedback': { page: 'content' },
	'/staff/results': { page: 'results' },
	'/staff/results/[id=uuid]': { page: 'results', actions: { comment: 'results' } },
	'/staff/results/[id=uuid]/export': { methods: { GET: 'results' } },
	'/staff/yousaid': { page: 'region', actions: { publish: 'region' } },
	'/staff/templates': {
		page: 'region',
		actions: { save: 'region', disable: 'region', enable: 'region' }
	},
	'/staff/questions': { page: 'region', actions: { save: 'region', retire: 'region' } }
};

export type Decision = 'allow' | 'login' | 'not_found';

/** What the table needs of a signed-in user: its role, and whether both factors were given. */
export function caller(
	user: { role: Role; hasTotp: boolean } | null,
	session: { twoFactorVerified: boolean } | null
): { role: Role; verified: boolean } | null {
	return user
		? { role: user.role, verified: Boolean(session?.twoFactorVerified && user.hasTotp) }
		: null;
}

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
	if (who === 'public' || who === 'reporter' || who === 'signin' || who === 'desk') return 'allow';
	if (!user || !user.verified) return 'login';
	if (who === 'staff') return 'allow';
	return can(user.role, who) ? 'allow' : 'not_found';
}
