import type { ParamMatcher } from '@sveltejs/kit';
import { isLocale, type Locale } from '$lib/i18n/locales';

export const match = ((param: string): param is Locale => isLocale(param)) satisfies ParamMatcher;
