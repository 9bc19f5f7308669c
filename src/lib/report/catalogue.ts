// What a worker can report, in the words of shared/domain/meldpunt.md, and who can act on it.
// Shared by the form (labels come from messages: report_situation_<code>) and the server
// (validation, urgency, suggested partners). Codes are stored; never rename one, add new ones. A
// code that bundled several issues is retired: stored reports keep it (and its label), the form no
// longer offers it, and the API maps it to the codes that replace it.

/** Longest free text of a report or a reporter's reply, and of a one-line field (characters). */
export const MAX_TEXT = 5000;
export const MAX_LINE = 300;

export const GROUPS = ['housing', 'work', 'registration', 'other'] as const;
export type Group = (typeof GROUPS)[number];

export interface Situation {
	code: string;
	group: Group;
	/** Threats, violence, coercion, ID withheld, no access to own money: 112 first, priority urgent. */
	urgent?: boolean;
	/** Partner slugs the meldpunt may refer to (routing table, editable per region later). */
	partners: string[];
	/** Retired: no longer offered; a submitted code is read as these codes instead. */
	replacedBy?: string[];
}

export const SITUATIONS: readonly Situation[] = [
	// Housing (WGV core)
	{ code: 'overcrowded', group: 'housing', partners: ['snf'] },
	{ code: 'bad_condition', group: 'housing', partners: ['snf'] },
	{ code: 'unsafe', group: 'housing', partners: ['snf'] },
	{
		code: 'deposit_costs',
		group: 'housing',
		partners: ['huurcommissie', 'juridisch-loket'],
		replacedBy: ['deposit', 'service_costs', 'fines']
	},
	{ code: 'deposit', group: 'housing', partners: ['huurcommissie', 'juridisch-loket'] },
	{ code: 'service_costs', group: 'housing', partners: ['huurcommissie', 'juridisch-loket'] },
	{ code: 'fines', group: 'housing', partners: ['juridisch-loket', 'huurcommissie'] },
	// Letting agents may not charge the tenant when the landlord hired them (BW 7:417 lid 4).
	{ code: 'letting_agent_fees', group: 'housing', partners: ['huurcommissie', 'juridisch-loket'] },
	{
		code: 'no_contract',
		group: 'housing',
		partners: ['huurcommissie', 'juridisch-loket'],
		replacedBy: ['no_rental_contract', 'rent_deducted', 'housing_tied_to_job']
	},
	{ code: 'no_rental_contract', group: 'housing', partners: ['huurcommissie', 'juridisch-loket'] },
	{ code: 'rent_deducted', group: 'housing', partners: ['nla', 'sncu', 'juridisch-loket'] },
	{ code: 'housing_tied_to_job', group: 'housing', partners: ['juridisch-loket', 'snf'] },
	// Housing on the employer's premises: a signal of dependence the NLA asks about.
	{ code: 'lives_at_employer', group: 'housing', partners: ['nla', 'snf'] },
	{
		code: 'landlord_threat',
		group: 'housing',
		urgent: true,
		partners: ['politie', 'juridisch-loket']
	},
	{ code: 'discrimination', group: 'housing', partners: ['adv'] },
	{ code: 'eviction', group: 'housing', partners: ['juridisch-loket', 'opvang'] },
	{ code: 'no_information', group: 'housing', partners: ['juridisch-loket'] },
	{ code: 'registration_refused', group: 'housing', partners: [] },
	// Work (the NLA's signals of labour exploitation)
	{ code: 'underpaid', group: 'work', partners: ['nla', 'sncu', 'juridisch-loket'] },
	{ code: 'no_payslips', group: 'work', partners: ['nla', 'sncu'] },
	{ code: 'wage_deductions', group: 'work', partners: ['nla', 'sncu', 'juridisch-loket'] },
	{ code: 'cash_pay', group: 'work', partners: ['nla'] },
	{ code: 'long_hours', group: 'work', partners: ['nla', 'sncu'] },
	{ code: 'dangerous_work', group: 'work', partners: ['nla'] },
	{
		code: 'id_withheld',
		group: 'work',
		urgent: true,
		partners: ['nla', 'fairwork', 'politie', 'comensha']
	},
	{
		code: 'no_bank_access',
		group: 'work',
		urgent: true,
		partners: ['nla', 'fairwork', 'comensha']
	},
	// Debt bondage is a core signal of labour exploitation (NLA; Wetboek van Strafrecht 273f).
	{
		code: 'debt_to_employer',
		group: 'work',
		urgent: true,
		partners: ['nla', 'fairwork', 'comensha']
	},
	{ code: 'false_promises', group: 'work', partners: ['nla', 'fairwork', 'comensha'] },
	{ code: 'pressured_to_come', group: 'work', partners: ['nla', 'fairwork', 'comensha'] },
	{ code: 'pressured_to_stay', group: 'work', partners: ['nla', 'fairwork', 'comensha'] },
	{
		code: 'threatened',
		group: 'work',
		urgent: true,
		partners: ['politie', 'nla', 'fairwork', 'comensha']
	},
	// Sexual harassment and assault are violence: 112 first (Arbowet art. 3 lid 2 for the employer).
	{
		code: 'sexual_harassment',
		group: 'work',
		urgent: true,
		partners: ['politie', 'nla', 'fairwork']
	},
	{ code: 'discrimination_work', group: 'work', partners: ['adv', 'nla'] },
	{ code: 'not_insured', group: 'work', partners: ['nla', 'juridisch-loket'] },
	{ code: 'false_self_employed', group: 'work', partners: ['nla', 'juridisch-loket'] },
	// Registration
	{ code: 'told_not_to_register', group: 'registration', partners: [] },
	{ code: 'unknown_address', group: 'registration', partners: [] },
	{ code: 'registered_wrongly', group: 'registration', partners: [] },
	// Other
	{ code: 'question', group: 'other', partners: ['juridisch-loket'] },
	{ code: 'something_else', group: 'other', partners: [] }
];

export const SUBJECTS = [
	'landlord',
	'letting_agent',
	'agency',
	'employer',
	'recruiter',
	'holiday_park',
	'someone_else',
	'unknown'
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const WHEN = ['today', 'this_week', 'this_month', 'longer_ago', 'ongoing'] as const;
export type When = (typeof WHEN)[number];

export const AFFECTED = ['just_me', '2_5', '6_20', 'more_than_20', 'unknown'] as const;
export type Affected = (typeof AFFECTED)[number];

export const CONSENT_LEVELS = [1, 2, 3] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

export const STATUSES = [
	'new',
	'acknowledged',
	'in_progress',
	'waiting',
	'referred',
	'closed'
] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function situation(code: string): Situation | undefined {
	return SITUATIONS.find((s) => s.code === code);
}

/** The situations the form offers for a group (retired codes are left out). */
export function situationsOf(group: Group): Situation[] {
	return SITUATIONS.filter((s) => s.group === group && !s.replacedBy);
}

/** Codes as they are stored today: a retired code becomes its replacements, duplicates go. */
export function current(codes: readonly string[]): string[] {
	return [...new Set(codes.flatMap((c) => situation(c)?.replacedBy ?? [c]))];
}

export function isUrgent(codes: readonly string[]): boolean {
	return codes.some((c) => situation(c)?.urgent);
}

/** The groups a report touches: its main group and the group of each situation, in GROUPS order. */
export function groupsOf(main: Group, codes: readonly string[]): Group[] {
	const touched = new Set<string>([main, ...codes.map((c) => situation(c)?.group ?? main)]);
	return GROUPS.filter((g) => touched.has(g));
}

/** Situations sorted into their groups, in GROUPS order; groups without any are left out. */
export function grouped(codes: readonly string[]): Array<{ group: Group; codes: string[] }> {
	return GROUPS.map((group) => ({
		group,
		codes: codes.filter((c) => situation(c)?.group === group)
	})).filter((g) => g.codes.length > 0);
}

/**
 * Partners suggested for a set of situations, without duplicates. Each group's first partner comes
 * before any group's second, so a mixed report (housing and work) gets a partner for each near the
 * top rather than the first group's whole list.
 */
export function suggestedPartners(codes: readonly string[]): string[] {
	const lists = grouped(codes).map((g) => [
		...new Set(g.codes.flatMap((c) => situation(c)?.partners ?? []))
	]);
	const out = new Set<string>();
	for (let rank = 0; lists.some((l) => rank < l.length); rank++) {
		for (const list of lists) if (rank < list.length) out.add(list[rank]);
	}
	return [...out];
}
