import { describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import { ratePct, scoreText } from './offer-scores';

describe('offer scores as the comparison tables show them', () => {
	it('rates round half up to whole percent, scores to one decimal of 100', () => {
		setLocale('en');
		expect([ratePct(0.925), ratePct(0.924), ratePct(1)]).toEqual(['93 %', '92 %', '100 %']);
		expect([scoreText(0.8765), scoreText(0.8764), scoreText(0)]).toEqual(['87.7', '87.6', '0']);
	});
});
