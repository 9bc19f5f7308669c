// The national guides, checklist and glossary in one locale, with the current figures filled in.
// Content ships with the app (src/lib/guides/content); only the reader's language goes to the page.
import { icons } from '../../guides/icons.ts';
import * as structure from '../../guides/structure.ts';
import * as facts from './facts.ts';

interface StepText {
	title: string;
	text: string;
	bring?: string;
	where?: string;
}
interface Content {
	guides: Record<string, { title: string; summary: string; steps: Record<string, StepText> }>;
	checklist: Record<string, { title: string; text: string }>;
	glossary: Record<string, string>;
}

const files = import.meta.glob<Content>('/src/lib/guides/content/*.json', {
	eager: true,
	import: 'default'
});

function content(locale: string): Content {
	return (files[`/src/lib/guides/content/${locale}.json`] ??
		files['/src/lib/guides/content/en.json']) as Content;
}

export interface Step extends StepText {
	id: string;
	/** Facility category to open the map on. */
	map?: string;
}

export interface Guide {
	slug: string;
	icon: string;
	title: string;
	summary: string;
	steps: Step[];
	sources: structure.Source[];
	checked: string;
	/** Oldest check of the figures this guide quotes; null when it quotes none. */
	figuresChecked: string | null;
	/** Quoted figures a worker must not take as current: past their date or never confirmed. */
	caveats: Caveat[];
	next: { slug: string; title: string } | null;
}

export interface Caveat {
	key: string;
	/** As quoted in the text, e.g. "€14.71". */
	value: string;
	/** Its date passed: the amount may have changed since `reviewBy`. */
	expired: boolean;
	reviewBy: string | null;
	confirmed: boolean;
	source: string;
}

/** Marks a quoted figure that has a caveat, so the reader looks for the note under the steps. */
export const CAVEAT_MARK = ' ⚠';

export function list(locale: string) {
	const c = content(locale);
	return structure.guides.map((g) => ({
		slug: g.slug,
		icon: icons[g.icon],
		title: c.guides[g.slug].title,
		summary: c.guides[g.slug].summary,
		steps: g.steps.map((s) => s.id)
	}));
}

export function read(
	locale: string,
	slug: string,
	current: facts.Fact[],
	on = facts.today()
): Guide | undefined {
	const shape = structure.guide(slug);
	if (!shape) return undefined;
	const c = content(locale).guides[slug];
	const used = new Set<string>();
	const caveats = new Map<string, Caveat>();
	const fill = (s: string | undefined) =>
		s?.replace(/\{(\w+)\}/g, (whole, key: string) => {
			const fact = current.find((f) => f.key === key);
			if (!fact) return whole;
			used.add(key);
			const value = facts.format(fact, locale);
			const expired = facts.standing(fact, on) === 'expired';
			if (!expired && fact.confirmed) return value;
			caveats.set(key, {
				key,
				value,
				expired,
				reviewBy: fact.reviewBy,
				confirmed: fact.confirmed,
				source: fact.source
			});
			return value + CAVEAT_MARK;
		});
	const steps = shape.steps.map((s) => {
		const t = c.steps[s.id];
		return {
			id: s.id,
			title: t.title,
			text: fill(t.text) ?? '',
			...(s.bring ? { bring: fill(t.bring) } : {}),
			...(s.where ? { where: fill(t.where) } : {}),
			...(s.map ? { map: s.map } : {})
		};
	});
	const index = structure.guides.indexOf(shape);
	const nextShape = structure.guides[index + 1];
	return {
		slug,
		icon: icons[shape.icon],
		title: c.title,
		summary: c.summary,
		steps,
		sources: shape.sources,
		checked: shape.checked,
		figuresChecked: facts.oldestCheck(current.filter((f) => used.has(f.key))),
		caveats: [...caveats.values()],
		next: nextShape
			? { slug: nextShape.slug, title: content(locale).guides[nextShape.slug].title }
			: null
	};
}

/** Icons of the cards on the guides page that are not guides. */
export const extraIcons = { words: icons.words, welcome: icons.welcome };

/** `text` with each {fact} in the reader's notation; unknown placeholders stay as they are. */
function figures(text: string, current: facts.Fact[], locale: string): string {
	return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
		const fact = current.find((f) => f.key === key);
		return fact ? facts.format(fact, locale) : whole;
	});
}

export function checklist(locale: string, current: facts.Fact[]) {
	const c = content(locale);
	return structure.checklist.map((item) => ({
		id: item.id,
		title: c.checklist[item.id].title,
		text: figures(c.checklist[item.id].text, current, locale),
		href: `/${locale}/guides/${item.guide}#${item.step}`
	}));
}

export function glossary(locale: string, current: facts.Fact[]) {
	const c = content(locale);
	return structure.glossary.map((g) => ({
		id: g.id,
		term: g.term,
		meaning: figures(c.glossary[g.id], current, locale)
	}));
}

/** Every URL of the guides section in `locale`, for the offline copy. */
export function urls(locale: string): string[] {
	return [
		`/${locale}/guides`,
		`/${locale}/glossary`,
		...structure.guides.map((g) => `/${locale}/guides/${g.slug}`)
	];
}
