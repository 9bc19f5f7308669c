import { describe, expect, it } from 'vitest';
import { SITUATIONS } from '../../report/catalogue.ts';
import { CATEGORIES } from '../../facilities/categories.ts';
import { document } from './openapi.ts';

type Node = Record<string, unknown>;

function refs(value: unknown, found: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) refs(v, found);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			if (k === '$ref' && typeof v === 'string') found.push(v);
			else refs(v, found);
		}
	}
	return found;
}

/** Follows a local JSON pointer such as #/components/schemas/Receipt. */
function resolve(doc: Node, ref: string): unknown {
	if (!ref.startsWith('#/')) return undefined;
	let node: unknown = doc;
	for (const raw of ref.slice(2).split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
		node = (node as Node)[key];
	}
	return node;
}

const doc = document();
const paths = doc.paths as Record<string, Record<string, Node>>;
const schemas = (doc.components as Node).schemas as Record<string, Node>;

describe('openapi document', () => {
	it('says it is OpenAPI 3.1.0', () => {
		expect(doc.openapi).toBe('3.1.0');
	});

	it('resolves every $ref to an existing component', () => {
		const all = refs(doc);
		expect(all.length).toBeGreaterThan(0);
		for (const ref of all) {
			expect(ref, ref).toMatch(/^#\/components\//);
			expect(resolve(doc, ref), ref).toBeTypeOf('object');
		}
	});

	it('offers exactly the catalogue situation codes', () => {
		const codes = SITUATIONS.map((s) => s.code);
		for (const name of ['ReportSubmission', 'ReportSubmissionForm']) {
			const situations = (schemas[name].properties as Record<string, Node>).situations;
			expect((situations.items as Node).enum, name).toEqual(codes);
		}
	});

	it('gives every path a 2xx answer and every operation an operationId', () => {
		const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
		const ids: string[] = [];
		expect(Object.keys(paths).length).toBeGreaterThan(0);
		for (const [path, item] of Object.entries(paths)) {
			const operations = methods.filter((m) => m in item).map((m) => item[m]);
			expect(operations.length, path).toBeGreaterThan(0);
			const codes = operations.flatMap((op) => Object.keys(op.responses as Node));
			expect(
				codes.some((c) => /^2\d\d$/.test(c)),
				path
			).toBe(true);
			for (const op of operations) {
				expect(op.operationId, path).toBeTypeOf('string');
				ids.push(op.operationId as string);
			}
		}
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('requires submission_key and group in a ReportSubmission', () => {
		expect(schemas.ReportSubmission.required).toEqual(
			expect.arrayContaining(['submission_key', 'group'])
		);
	});

	it('describes the facilities API with every category and its ETag answer', () => {
		const op = paths['/api/v1/facilities'].get;
		const params = op.parameters as Array<{ name: string; schema: { enum?: string[] } }>;
		expect(params.map((p) => p.name)).toEqual(
			expect.arrayContaining(['gemeente', 'category', 'lang', 'If-None-Match'])
		);
		expect(params.find((p) => p.name === 'category')?.schema.enum).toEqual([...CATEGORIES]);
		expect(Object.keys(op.responses as Node)).toEqual(expect.arrayContaining(['200', '304']));
	});

	it('gives both calls that open a report by its receipt the same refusals, each with its code', () => {
		const codes = (path: string) =>
			Object.fromEntries(
				Object.entries(paths[path].post.responses as Record<string, Node>).map(
					([status, answer]) => [status, JSON.stringify(answer.content ?? null)]
				)
			);
		const followUp = codes('/api/v1/reports/follow-up');
		const answers = codes('/api/v1/reports/follow-up/answers');
		for (const [status, code] of [
			['404', 'receipt_failed'],
			['429', 'followup_busy'],
			['413', 'too_large'],
			['415', 'content_type']
		]) {
			expect(followUp[status]).toContain(`"${code}"`);
			expect(answers[status]).toBe(followUp[status]);
		}
	});
});
