// Staff pages speak Dutch or English: the locales, and the type of the staff text object every
// staff page reads (keys from messages/staff/en.json, which a unit test keeps equal to nl.json).
import type en from '../../../messages/staff/en.json';

export const STAFF_LOCALES = ['nl', 'en'] as const;
export type StaffLocale = (typeof STAFF_LOCALES)[number];

export const isStaffLocale = (value: unknown): value is StaffLocale =>
	(STAFF_LOCALES as readonly unknown[]).includes(value);

/** Each language by its own name, the same on every page (what a switch offers). */
export const STAFF_LOCALE_NAMES = { nl: 'Nederlands', en: 'English' } as const satisfies Record<
	StaffLocale,
	string
>;

/** A posted, stored or typed staff language: Dutch unless it is one we speak. */
export const toStaffLocale = (value: unknown): StaffLocale => (isStaffLocale(value) ? value : 'nl');

/** Every key of the staff messages. */
export type StaffKey = Exclude<keyof typeof en, `$${string}`>;
/** All staff texts in one locale, as the staff layout sends them. */
export type StaffTexts = Readonly<Record<StaffKey, string>>;
