import type { ParamMatcher } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locales';
// The list straight from the inlang settings: matchers load on every page, and importing the
// message runtime for one array would add it to every page's JavaScript.
import { locales } from '../../messages/project.inlang/settings.json';

export const match = ((param: string): param is Locale =>
	(locales as readonly string[]).includes(param)) satisfies ParamMatcher;
