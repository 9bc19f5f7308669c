import { describe, expect, it } from 'vitest';
import { match } from '../../params/uuid';
import { isUuid } from './uuid';

describe('the uuid test and the [id=uuid] matcher', () => {
	it('accepts a UUID in either case and nothing else that would reach a uuid column', () => {
		for (const id of [
			'0f8fad5b-d9cb-469f-a165-70867728950e',
			'0F8FAD5B-D9CB-469F-A165-70867728950E'
		])
			expect(match(id) && isUuid(id), id).toBe(true);
		for (const id of [
			'-'.repeat(36),
			'0f8fad5b-d9cb-469f-a165-70867728950',
			'0f8fad5b-d9cb-469f-a165-70867728950e0',
			'0f8fad5bxd9cb-469f-a165-70867728950e',
			'g f8fad5b-d9cb-469f-a165-70867728950e',
			'0f8fad5b-d9cb-469f-a165-70867728950e\n',
			''
		])
			expect(match(id) || isUuid(id), JSON.stringify(id)).toBe(false);
		expect(isUuid(undefined)).toBe(false);
		expect(isUuid(42)).toBe(false);
	});
});
