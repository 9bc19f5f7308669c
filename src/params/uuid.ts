import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/shell/uuid';

// Ids in paths: anything else is a 404 before route code runs.
export const match = ((param: string): param is string => isUuid(param)) satisfies ParamMatcher;
