// What a survey and its questions are made of, shared by the staff editor that builds them and
// the server that validates and stores them.

export const KINDS = ['single', 'multiple', 'scale', 'yesno', 'text'] as const;
export type QuestionKind = (typeof KINDS)[number];

/**
 * Background questions: a single-choice question whose answer the results can be broken down by
 * (length of stay, gemeente, sector), stored beside every answer of the response.
 */
export const BACKGROUNDS = ['stay', 'gemeente', 'sector'] as const;
export type Background = (typeof BACKGROUNDS)[number];

/** A survey as the staff form sends it and the server checks it. */
export interface SurveyInput {
	title: string;
	series: string;
	titles: Record<string, string>;
	locales: string[];
	gemeenten: string[];
	opensOn: string | null;
	closesOn: string | null;
	requiresCode: boolean;
}

/** In a results table: the options hidden overall, or the groups below k, taken together. */
export const OTHER = '*';
