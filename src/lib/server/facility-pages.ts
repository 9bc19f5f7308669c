// Page data for the worker's list and place pages: the published facilities of the region,
// filtered as the links ask, with "open now" worked out at request time in Dutch local time.
import type { Db } from './db/index.ts';
import * as facilities from './facilities.ts';
import { note } from './facility-api.ts';
import * as regions from './regions.ts';
import { isCategory } from '../facilities/categories.ts';
import { DAYS, local, rangesOn, addDays, status as hoursStatus } from '../facilities/hours.ts';

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

export async function list(db: Db, regionId: string, locale: string, f: ListFilters, now: Date) {
	const [all, gemeenten] = await Promise.all([
		facilities.published(db, regionId),
		regions.gemeenten(db, regionId)
	]);
	const items = all
		.map((x) => ({
			id: x.id,
			name: x.name,
			category: x.category,
			gemeente: x.gemeente_id,
			place: x.place,
			address: x.address,
			lat: x.lat,
			lng: x.lng,
			languages: x.languages,
			demo: x.demo,
			acceptsRni: x.accepts_rni,
			status: hoursStatus(x.hours, now)
		}))
		.filter(
			(x) =>
				(!f.category || x.category === f.category) &&
				(!f.gemeente || x.gemeente === f.gemeente) &&
				(!f.language || x.languages.includes(f.language)) &&
				(!f.open || x.status.open) &&
				(!f.rni || x.acceptsRni === true)
		);
	return {
		items,
		total: all.length,
		categories: [...new Set(all.map((x) => x.category))],
		gemeenten: gemeenten
			.filter((g) => all.some((x) => x.gemeente_id === g.id))
			.map((g) => ({ id: g.id, name: g.name })),
		languages: languageNames([...new Set(all.flatMap((x) => x.languages))], locale),
		today: local(now).date
	};
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
