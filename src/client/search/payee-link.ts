/**
 * The payee profile of a 法人番号 typed into the search box: when a term of the query is a 法人番号 with a
 * valid check digit and the site has that payee's page (/payees/<法人番号>/, asked with a HEAD request, so
 * a miss costs no page bytes), a link to it is shown above the results. The results themselves are
 * unchanged (exactly the pages containing the term; the payee profile is among them, by its 法人番号).
 *
 * It follows the search page's own state without touching it: it runs when the result count in the
 * status line changes (the search app sets it after every search), and reads the query from the URL.
 */
import { isValidCorporateNumber } from '../../shared/corporate-number.ts';

/** 13-digit terms of the query (after NFKC, so full-width digits count) with a valid check digit. */
export function corporateNumberTerms(query: string): string[] {
  return [...new Set(query.normalize('NFKC').split(/\s+/).map((t) => t.replace(/[-‐ー－]/g, '')).filter((t) => isValidCorporateNumber(t)))];
}

export function watchPayeeLinks(root: ParentNode, payeesBase: string): void {
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const box = root.querySelector<HTMLElement>('[data-search-payee]');
  if (!status || !box) return;
  let shownFor = '';
  const update = async () => {
    const q = new URLSearchParams(location.search).get('q') ?? '';
    if (q === shownFor) return;
    shownFor = q;
    const found: string[] = [];
    for (const n of corporateNumberTerms(q)) {
      const res = await fetch(`${payeesBase}${n}/`, { method: 'HEAD' }).catch(() => null);
      if (res?.ok) found.push(n);
    }
    if (shownFor !== q) return; // a newer query has been typed meanwhile
    box.replaceChildren(
      ...found.map((n) => {
        const a = document.createElement('a');
        a.href = `${payeesBase}${n}/`;
        a.textContent = `法人番号 ${n} の支出先ページ（全シートの支出額・契約）`;
        return a;
      }),
    );
    box.hidden = found.length === 0;
  };
  new MutationObserver(() => void update()).observe(status, { attributes: true, attributeFilter: ['data-total'] });
  void update();
}
