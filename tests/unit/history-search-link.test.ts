/** Which terms of a search query are 法人番号 whose payee page the search page looks for. */
import { describe, expect, it } from 'vitest';
import { corporateNumberTerms } from '../../src/client/search/payee-link.ts';

describe('corporateNumberTerms', () => {
  it('takes 13-digit terms with a valid check digit, full-width or hyphenated too', () => {
    expect(corporateNumberTerms('7010001008844')).toEqual(['7010001008844']);
    expect(corporateNumberTerms('日立 ７０１０００１００８８４４')).toEqual(['7010001008844']);
    expect(corporateNumberTerms('7-0100-0100-8844 9011101039249 7010001008844')).toEqual(['7010001008844', '9011101039249']);
  });
  it('ignores wrong check digits, other lengths and words', () => {
    expect(corporateNumberTerms('1010001008844')).toEqual([]);
    expect(corporateNumberTerms('701000100884')).toEqual([]);
    expect(corporateNumberTerms('日立製作所')).toEqual([]);
  });
});
