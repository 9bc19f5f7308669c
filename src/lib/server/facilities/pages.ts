// Page data for the worker's list and place pages: the published facilities of the region,
// filtered as the links ask, with "open now" worked out at request time in Dutch local time.
import type { Db } from '../platform/db/index.ts';
import * as facilities from './facilities.ts';
import { note } from './api.ts';
import * as regions from '../regions/regions.ts';
import { isCategory } from '../../facilities/categories.ts';
import { DAYS, local, rangesOn, addDays, status as hoursStatus } from '../../facilities/hours.ts';

export interface ListFilters {
	category: string | null;
	gemeente: string | null;
	language: string | null;
	open: boolean;
	/** only places that take patients registered in the RNI */
	rni: boolean;
}

export function filtersFrom(params: URLSearchParams): ListFilters {
	const category = params.get('category');
	const gemeente = params.get('gemeente');
	const language = params.get('language');
	return {
		category: isCategory(category) ? category : null,
		gemeente: gemeente && /^[a-z0-9-]{1,60}$/.test(gemeente) ? gemeente : null,
		language: language && /^[a-z]{2}$/.test(language) ? language : null,
		open: params.get('open') === '1',
		rni: params.get('rni') === '1'
	};
}

function languageNames(codes: string[], locale: string) {
	const names = new Intl.DisplayNames([locale], { type: 'language' });
	return codes
		.map((code) => ({ code, name: names.of(code) ?? code }))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** How many places one page of the list shows; the map shows them all. */
export const PAGE_SIZE = 50;

export function pageFrom(params: URLSearchParams): number {
	const n = Number(params.get('page'));
	return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** The published places the filters ask for, each with what one line of the list shows. */
async function filtered(db: Db, regionId: string, f: ListFilters, now: Date) {
	const all = await facilities.published(db, regionId);
	const items = all
		.filter(
			(x) =>
				(!f.category || x.category === f.category) &&
				(!f.gemeente || x.gemeente_id === f.gemeente) &&
				(!f.language || x.languages.includes(f.language))
		)
		.map((x) => ({
			id: x.id,
			name: x.name,
			category: x.category,
			place: x.place,
			lat: x.lat,
			lng: x.lng,
			demo: x.demo,
			acceptsRni: x.accepts_rni,
			status: hoursStatus(x.hours, now)
		}))
		.filter((x) => (!f.open || x.status.open) && (!f.rni || x.acceptsRni === true));
	return { all, items };
}

export async function list(
	db: Db,
	regionId: string,
	locale: string,
	f: ListFilters,
	page: number,
	now: Date
) {
	const [{ all, items }, gemeenten] = await Promise.all([
		filtered(db, regionId, f, now),
		regions.gemeenten(db, regionId)
	]);
	// A region may have thousands of places: the page carries one page of them, and the map
	// fetches the rest as compact points (see `points`).
	const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
	const current = Math.min(page, pages);
	return {
		items: items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE),
		count: items.length,
		page: current,
		pages,
		anyDemo: items.some((x) => x.demo),
		total: all.length,
		categories: [...new Set(all.map((x) => x.category))],
		gemeenten: gemeenten
			.filter((g) => all.some((x) => x.gemeente_id === g.id))
			.map((g) => ({ id: g.id, name: g.name })),
		languages: languageNames([...new Set(all.flatMap((x) => x.languages))], locale),
		today: local(now).date
	};
}

/**
 * No huisarts open (evenings, nights, weekends): the region's huisartsenposten instead, open ones
 * first, so the "open now" search never ends empty. Undefined for any other search.
 */
export async function outOfHours(db: Db, regionId: string, f: ListFilters, now: Date) {
	if (f.category !== 'huisarts' || !f.open) return undefined;
	const all = await facilities.published(db, regionId);
	return all
		.filter((x) => x.category === 'huisartsenpost')
		.map((x) => ({
			id: x.id,
			name: x.name,
			place: x.place,
			phone: x.phone,
			open: hoursStatus(x.hours, now).open
		}))
		.sort((a, b) => Number(b.open) - Number(a.open));
}

export type ListItem = Awaited<ReturnType<typeof filtered>>['items'][number];

/** Every place the filters ask for, for the map and the list kept in step with it. */
export async function points(db: Db, regionId: string, f: ListFilters, now: Date) {
	const { items } = await filtered(db, regionId, f, now);
	return { items, today: local(now).date };
}

export async function place(db: Db, regionId: string, locale: string, id: string, now: Date) {
	const f = await facilities.readPublished(db, regionId, id);
	if (!f) return undefined;
	const today = local(now).date;
	const upcoming = (f.hours.exceptions ?? []).filter(
		(e) => e.date >= today && e.date <= addDays(today, 60)
	);
	return {
		id: f.id,
		name: f.name,
		category: f.category,
		address: f.address,
		postcode: f.postcode,
		place: f.place,
		lat: f.lat,
		lng: f.lng,
		phone: f.phone,
		website: f.website,
		email: f.email,
		week: DAYS.map((d, i) => ({
			day: d,
			// 2026-11-23 is a Monday: a fixed week to name the days in the worker's language
			date: addDays('2026-11-23', i),
			ranges: f.hours.weekly?.[d] ?? []
		})),
		exceptions: upcoming,
		todayRanges: rangesOn(f.hours, today),
		hasHours: DAYS.some((d) => (f.hours.weekly?.[d]?.length ?? 0) > 0),
		status: hoursStatus(f.hours, now),
		today,
		languages: languageNames(f.languages, locale),
		note: note(f, locale),
		acceptsRni: f.accepts_rni,
		newPatients: f.new_patients,
		appointment: f.appointment,
		cost: f.cost,
		wheelchair: f.wheelchair,
		verifiedOn: f.verified_on,
		demo: f.demo
	};
}
