// What the list, the map and the place page show of a facility, in the worker's language.
// Texts come from a one-language pack (see $lib/server/i18n/texts.ts), so nothing here pulls all
// thirteen languages into the bundle.
import { addDays, ZONE, type Status } from './hours';

export type Texts = Record<string, string>;

export interface MapPoint {
	id: string;
	name: string;
	category: string;
	lat: number;
	lng: number;
}

export function fmt(template: string | undefined, params: Record<string, string> = {}): string {
	return (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

/** "Open now · until 17:00", "Closed now · opens tomorrow at 08:00", in Dutch local time. */
export function statusText(t: Texts, s: Status, locale: string, today: string): string {
	if (s.open) {
		if (!s.closes) return t.place_open_now;
		return `${t.place_open_now} · ${fmt(t.place_until, { time: s.closes.time })}`;
	}
	if (!s.opens) return t.place_closed_now;
	const { date, time } = s.opens;
	let when: string;
	if (date === today) when = fmt(t.place_opens_today, { time });
	else if (date === addDays(today, 1)) when = fmt(t.place_opens_tomorrow, { time });
	else when = fmt(t.place_opens_on, { day: weekday(date, locale), time });
	return `${t.place_closed_now} · ${when}`;
}

/** The weekday name of a Dutch calendar day, in the worker's language. */
export function weekday(date: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
		new Date(`${date}T12:00:00Z`)
	);
}

export function longDate(date: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${date}T12:00:00Z`)
	);
}

/** When the page was made, in Dutch time: shown as the data's freshness, also when offline. */
export function stamp(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: ZONE
	}).format(new Date(iso));
}

/** Kilometres between two points (haversine); runs on the phone only. */
export function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const r = (d: number) => (d * Math.PI) / 180;
	const h =
		Math.sin(r(b.lat - a.lat) / 2) ** 2 +
		Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
	return 12742 * Math.asin(Math.sqrt(h));
}
