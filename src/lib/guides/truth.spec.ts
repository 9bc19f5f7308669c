// The corrections of issue #16 hold in every locale: each rule a worker acts on states its
// deadline as a fact (so it is dated and sourced) and no guide sends a worker to a desk that does
// not exist. Checked against the sources named in structure.ts on 2026-12-05.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/locales';
import * as structure from './structure';

type Steps = Record<string, Record<string, string>>;
type Content = { guides: Record<string, { steps: Steps }>; checklist: Steps };
const read = (l: string) =>
	JSON.parse(
		fs.readFileSync(path.join(import.meta.dirname, 'content', `${l}.json`), 'utf8')
	) as Content;
const step = (c: Content, slug: string, id: string) => c.guides[slug].steps[id];

describe('guide corrections', () => {
	it('send nobody to an RNI desk on the map: none lies in the region, DigiD desks are another list', () => {
		const steps = structure.guides.flatMap((g) => g.steps);
		expect(steps.filter((s) => s.map === 'rni_loket')).toEqual([]);
	});

	for (const locale of locales) {
		const c = read(locale);
		it(`${locale}: the BRP deadline, never "start with the RNI"`, () => {
			const t = step(c, 'registering', 'rni_or_brp').text;
			expect(t).toContain('{brp_days}');
			expect(t).toContain('{brp_months}');
		});

		it(`${locale}: names the nearest real RNI desk and the official list`, () => {
			const where = step(c, 'registering', 'rni').where;
			expect(where).toContain('Tweede Walstraat 14');
			expect(where).toContain('nederlandwereldwijd.nl/rni');
		});

		it(`${locale}: DigiD for RNI registrants quotes the baliecode and activation periods`, () => {
			const t = step(c, 'digid', 'no_address').text;
			expect(t).toContain('baliecode');
			expect(t).toContain('{baliecode_days}');
			expect(t).toContain('{activation_code_days}');
			expect(t).toMatch(/e-?mail|e-pasta|correo|имейл|el\. pašt/i);
		});

		it(`${locale}: health insurance states the deadline, the A1 exception and the CAK`, () => {
			const t = step(c, 'health-insurance', 'obligation').text;
			expect(t).toContain('{insurance_months}');
			expect(t).toContain('A1');
			expect(t).toContain('CAK');
			expect(t).toContain('svb.nl');
		});

		it(`${locale}: deductions name the volmacht and certified housing, recruitment fees forbidden`, () => {
			const t = step(c, 'work-rights', 'deductions').text;
			expect(t).toContain('{housing_deduction_max}');
			expect(t).toContain('volmacht');
			expect(t).toContain('SNF');
		});

		it(`${locale}: the agency licence (Wtta) with its dates`, () => {
			const t = step(c, 'work-rights', 'agency').text;
			expect(t).toContain('{wtta_from}');
			expect(t).toContain('{wtta_enforced}');
			expect(t).toContain('Wtta');
		});

		it(`${locale}: the space norm is SNF's, the huisartsenpost is called first`, () => {
			expect(step(c, 'housing-rights', 'space').text).toContain('SNF');
			expect(step(c, 'health-insurance', 'no_card').text).toContain('112');
			expect(step(c, 'health-insurance', 'no_card').text).toContain('huisartsenpost');
		});
	}

	it('uk: gives people under temporary protection their own route (BRP, RMO)', () => {
		const c = read('uk');
		expect(step(c, 'registering', 'rni_or_brp').text).toMatch(/тимчасов\S* захист/u);
		expect(step(c, 'health-insurance', 'obligation').text).toContain('RMO');
	});
});
