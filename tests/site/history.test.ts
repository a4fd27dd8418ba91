/**
 * The cross-sheet pages of the built sample site (issue 19): payee profiles, project pages, rankings and
 * their CSVs, payees.csv / projects.csv, and the links from every sheet page to them; checked against
 * the converted entries (the records), not against the code that made the pages. The link checker
 * (links.test.ts) and the axe scans (a11y.test.ts) cover these pages too.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, entryIds, entryRecord } from '../support/sites.ts';
import { closeServed, openPage, serveAndLaunch } from '../support/browser.ts';
import { listFiles, readPage, readZipped } from '../support/site-text.ts';
import { payeeParts } from '../../src/lib/view/payee-pages.ts';
import { isValidCorporateNumber } from '../../src/shared/corporate-number.ts';
import { buildChains } from '../../src/lib/history/chains.ts';
import { listing } from '../../src/lib/data/sheet-listing.ts';
import { sheet, type Sheet } from '../../src/schema/sheet.ts';
import { settledBudgetYear } from '../../src/lib/view/summary.ts';

const site = builtSite('root');
let records: Sheet[];
const page = (rel: string) => parseDocument(readPage(path.join(site.dist, rel, 'index.html')));
const hrefs = (doc: ReturnType<typeof parseDocument>) => DomUtils.findAll((e) => e.name === 'a', doc.children).map((a) => a.attribs.href!);
/** A row of a table body (a node's parent is typed as a bare ParentNode). */
const inTbody = (e: { parent: unknown }) => (e.parent as { name?: string } | null)?.name === 'tbody';
const csvLines = (rel: string) => {
  const file = path.join(site.dist, rel);
  return (rel.endsWith('.zip') ? readZipped(file) : readFileSync(file, 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
};

beforeAll(() => {
  records = entryIds(site).map((id) => sheet.parse(entryRecord(site, id)));
});

describe('payee profiles', () => {
  it('one page per valid 法人番号 named in two projects or more, listing every sheet line with its amount; each sheet page links it', () => {
    const all = new Map<string, { id: string; amount: number | null }[]>();
    for (const s of records) {
      for (const p of s.payees) if (isValidCorporateNumber(p.corporateNumber)) all.set(p.corporateNumber, [...(all.get(p.corporateNumber) ?? []), { id: s.id, amount: p.amount }]);
    }
    // A project: the chain of sheets followed across years (a sheet followed in no other year is its own).
    const projectOf = new Map(buildChains(records.map(listing)).flatMap((c) => c.members.map((m) => [m.sheet.id, c.key] as const)));
    const projects = (ls: { id: string }[]) => new Set(ls.map((l) => projectOf.get(l.id) ?? l.id)).size;
    const lines = new Map([...all].filter(([, ls]) => projects(ls) >= 2));
    // The sample: 2,828 valid 法人番号, 526 of them named on two sheets or more, 477 in two projects or more.
    expect([all.size, [...all.values()].filter((ls) => new Set(ls.map((l) => l.id)).size >= 2).length, lines.size]).toEqual([2828, 526, 477]);
    const built = listFiles(path.join(site.dist, 'payees'), '.html').map((f) => path.relative(path.join(site.dist, 'payees'), f).split(path.sep)[0]);
    expect(new Set(built)).toEqual(new Set(lines.keys()));
    for (const [cn, ls] of lines) {
      // 100 lines a page: /payees/<cn>/, then /payees/<cn>/2/ …
      const pages = Math.ceil(ls.length / 100);
      const docs = Array.from({ length: pages }, (_, i) => page(`payees/${cn}${i === 0 ? '' : `/${i + 1}`}`));
      expect(existsSync(path.join(site.dist, 'payees', cn, String(pages + 1))), cn).toBe(false);
      const doc = docs[0]!;
      const rows = docs.flatMap((d) => DomUtils.findAll((e) => e.name === 'tr' && inTbody(e), d.children));
      const sheetRows = rows.filter((tr) => DomUtils.findOne((e) => e.name === 'a' && (e.attribs.href ?? '').startsWith('/sheets/'), [tr]));
      expect(sheetRows.map((tr) => DomUtils.findOne((e) => e.name === 'a', [tr])!.attribs.href!.replace(/^\/sheets\/([^/]+)\/.*$/, '$1')).sort(), cn).toEqual(ls.map((l) => l.id).sort());
      const amounts = sheetRows.map((tr) => DomUtils.findOne((e) => e.name === 'data', [tr])?.attribs.value ?? null).sort();
      expect(amounts, cn).toEqual(ls.map((l) => (l.amount === null ? null : String(l.amount))).sort());
      expect(hrefs(doc)).toContain(`https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo=${cn}`);
    }
    // 株式会社オーエムシー: twice in the 2022 text sample (blocks G and N: 6,900,000 and 2,000,000 円), once in the
    // JUDGIT 2021 sheet of 内閣府 (2021-府-20-0034: 2.0 百万円), and in four RS 2024 sheets (table 5-1).
    const omc = lines.get('9011101039249')!;
    expect(omc.map((l) => `${l.id} ${l.amount}`).sort()).toEqual(
      [
        '2022-soumu-t7ba6565b 6900000',
        '2022-soumu-t7ba6565b 2000000',
        '2021-cao-2021-cao-20-0034 2000000',
        '2024-cao-rs288 29013000',
        '2024-mlit-kanko-rs4640 4105510',
        '2024-ppc-rs316 2387000',
        '2024-fdma-rs6637 666000',
      ].sort(),
    );
    // Each line shows the year its 支出額 belongs to when the source states it (JUDGIT 支出先.年度), else none.
    const omcDoc = page('payees/9011101039249');
    const omcRows = DomUtils.findAll((e) => e.name === 'tr' && inTbody(e), omcDoc.children);
    // The column is found by its header (the cells carry no labels: src/client/stack-tables.ts adds them).
    const lineTable = DomUtils.findAll((e) => e.name === 'table', omcDoc.children).at(-1)!;
    const lineHead = DomUtils.findOne((e) => e.name === 'thead', [lineTable])!;
    const yearCol = DomUtils.findAll((e) => e.name === 'th', [lineHead]).map((th) => DomUtils.textContent(th)).indexOf('支出の年度');
    expect(yearCol).toBeGreaterThan(0);
    const yearOf = (id: string) => omcRows.filter((tr) => DomUtils.findOne((e) => e.name === 'a' && e.attribs.href!.startsWith(`/sheets/${id}/`), [tr]))
      .map((tr) => DomUtils.textContent(tr.children.filter((c) => c.type === 'tag')[yearCol]!));
    expect(yearOf('2021-cao-2021-cao-20-0034')).toEqual(['2020（令和2）年度']);
    expect(yearOf('2022-soumu-t7ba6565b')).toEqual(['—', '—']);
    for (const s of records.filter((r) => r.payees.some((p) => isValidCorporateNumber(p.corporateNumber)))) {
      // The sheet page, and its continuation pages for the payees past its first 60 (src/lib/view/payee-pages.ts).
      const links = [`sheets/${s.id}`, ...payeeParts(s.payees.length).map((x) => `sheets/${s.id}/payees/${x.n}`)].flatMap((p) => hrefs(page(p)));
      for (const p of s.payees) {
        if (!isValidCorporateNumber(p.corporateNumber)) continue;
        // A payee named on this sheet only has no profile: its name is not a link.
        if (lines.has(p.corporateNumber)) expect(links).toContain(`/payees/${p.corporateNumber}/`);
        else expect(links, `${s.id} ${p.corporateNumber}`).not.toContain(`/payees/${p.corporateNumber}/`);
      }
    }
  });

  it('every link to a payee profile on every built page leads to a built page; rankings link a payee without one to its sheet', () => {
    const targets = new Map<string, string>();
    for (const f of listFiles(site.dist, '.html')) {
      for (const m of readPage(f).matchAll(/href="(\/payees\/[^"#?]*)/g)) targets.set(m[1]!, path.relative(site.dist, f));
    }
    expect(targets.size).toBeGreaterThan(400);
    for (const [target, from] of targets) expect(existsSync(path.join(site.dist, target, 'index.html')), `${target} (linked from ${from})`).toBe(true);
    // 8010401084443 is named on the 2022 text sample only: the 2022 ranking of the largest payees links that sheet's payees.
    const ranking = readFileSync(path.join(site.dist, 'rankings', '2022', 'index.html'), 'utf8');
    expect(records.filter((s) => s.payees.some((p) => p.corporateNumber === '8010401084443')).map((s) => s.id)).toEqual(['2022-soumu-t7ba6565b']);
    expect(existsSync(path.join(site.dist, 'payees', '8010401084443'))).toBe(false);
    expect(ranking).toContain('8010401084443');
    expect(ranking).toContain('href="/sheets/2022-soumu-t7ba6565b/#payees"');
  });
});

describe('project pages and the links between years', () => {
  it('every sheet page says where its other years are; a chain of two or more has its page', () => {
    const chains = buildChains(records.map(listing));
    for (const c of chains) {
      for (const m of c.members) {
        const nav = DomUtils.findOne((e) => e.attribs?.class === 'project-links', page(`sheets/${m.sheet.id}`).children)!;
        expect(nav, m.sheet.id).toBeTruthy();
        const links = hrefs(parseDocument(DomUtils.getOuterHTML(nav)));
        if (c.members.length > 1) expect(links).toContain(`/projects/${c.key}/`);
        else expect(DomUtils.textContent(nav)).toContain('他の年度のシートはありません');
      }
      expect(existsSync(path.join(site.dist, 'projects', c.key, 'index.html'))).toBe(c.members.length > 1);
    }
    // The shipped JUDGIT years (2015–2023) and RS 2024 make these projects of two sheets or more.
    expect(new Set(listFiles(path.join(site.dist, 'projects'), '.html').map((f) => path.relative(path.join(site.dist, 'projects'), f).split(path.sep)[0]))).toEqual(
      new Set(['j15', 'j5', 'j2879', 'j2898', 'j1844', 'j2', 'j2541', 'j4473', '2021-mext-2021-mext-20-0309', '2021-jcrc-2021-jcrc-20-0001', '2023-npa-2023-npa-22-0051']),
    );
    // /data/projects.csv: a row per chain and year its sheets state (or that has a sheet of its own).
    const rows = csvLines('data/projects.csv.zip').slice(1);
    expect(new Set(rows.map((r) => r.split(',')[0]))).toEqual(new Set(chains.map((c) => c.key)));
  });
});

describe('a real project across the years: 内閣官房 内閣人事局経費, 2015–2024', () => {
  // JUDGIT 事業ID 15 in 2015, 2017 and 2019; none in 2021 and 2023 (joined by 府省庁 and 事業名); the RS 2024
  // sheet (予算事業ID 1) states no 旧事業番号, so it too is joined by name.
  const members: [id: string, year: number, number: string, label: string][] = [
    ['2015-cas-0001', 2015, '0001', 'JUDGIT の事業ID'],
    ['2017-cas-0001', 2017, '0001', 'JUDGIT の事業ID'],
    ['2019-cas-0001', 2019, '0001', 'JUDGIT の事業ID'],
    ['2021-cas-2021-cas-20-0001', 2021, '2021-官房-20-0001', '推定（同じ府省庁・同じ事業名）'],
    ['2023-cas-2023-cas-22-0001', 2023, '2023-官房-22-0001', '推定（同じ府省庁・同じ事業名）'],
    ['2024-cas-rs1', 2024, '—', '推定（同じ府省庁・同じ事業名）'],
  ];

  it('its page /projects/j15/ lists each year\'s sheet, its 事業番号 and how it is linked', () => {
    for (const [id, year] of members) {
      const r = records.find((x) => x.id === id)!;
      expect([r.fiscalYear, r.ministry, r.title], id).toEqual([year, '内閣官房', '内閣人事局経費']);
    }
    const doc = page('projects/j15');
    const section = DomUtils.findOne((e) => e.name === 'section' && e.attribs['aria-labelledby'] === 'project-sheets', doc.children)!;
    const rows = DomUtils.findAll((e) => e.name === 'tr' && inTbody(e), [section]);
    expect(
      rows.map((tr) => {
        const cells = DomUtils.findAll((e) => e.name === 'td' || e.name === 'th', [tr]);
        return [DomUtils.findOne((e) => e.name === 'a', [tr])!.attribs.href, DomUtils.textContent(cells[3]!), DomUtils.textContent(cells[4]!)];
      }),
    ).toEqual(members.map(([id, , number, label]) => [`/sheets/${id}/`, number, label]));
    // Each year's figures from the newest sheet stating it: 2014 as the 2017 sheet states it (29 百万円; the 2015 sheet said 28.637).
    const budgets = DomUtils.findOne((e) => e.name === 'section' && e.attribs['aria-labelledby'] === 'project-budgets', doc.children)!;
    const y2014 = DomUtils.findAll((e) => e.name === 'tr' && inTbody(e), [budgets]).find((tr) => DomUtils.textContent(tr).startsWith('2014'))!;
    expect(DomUtils.findAll((e) => e.name === 'data', [y2014]).map((d) => d.attribs.value)).toEqual(['29000000', '10000000']);
    expect(DomUtils.textContent(y2014)).toContain('2017（平成29）年度のシート');
  });

  it('each of its sheet pages links the project page and the previous and next year, marking the inferred links', () => {
    members.forEach(([id], i) => {
      const nav = DomUtils.findOne((e) => e.attribs?.class === 'project-links', page(`sheets/${id}`).children)!;
      const as = DomUtils.findAll((e) => e.name === 'a', [nav]);
      expect(as[0]!.attribs.href, id).toBe('/projects/j15/');
      expect(DomUtils.textContent(as[0]!)).toContain('6年度分');
      const prev = as.find((a) => a.attribs.rel === 'prev');
      const next = as.find((a) => a.attribs.rel === 'next');
      expect(prev?.attribs.href, id).toBe(i > 0 ? `/sheets/${members[i - 1]![0]}/` : undefined);
      expect(next?.attribs.href, id).toBe(i < members.length - 1 ? `/sheets/${members[i + 1]![0]}/` : undefined);
      // （推定） after a link made only by 府省庁 and 事業名: to 2021 and after.
      const items = DomUtils.findAll((e) => e.name === 'li', [nav]).map((li) => DomUtils.textContent(li));
      const inferredPrev = i > 0 && members[i]![3].startsWith('推定');
      const inferredNext = i < members.length - 1 && members[i + 1]![3].startsWith('推定');
      expect(items.filter((t) => t.startsWith('前の年度')).map((t) => t.endsWith('（推定）')), id).toEqual(i > 0 ? [inferredPrev] : []);
      expect(items.filter((t) => t.startsWith('次の年度')).map((t) => t.endsWith('（推定）')), id).toEqual(i < members.length - 1 ? [inferredNext] : []);
    });
  });
});

describe('a renamed project joined by its figures: カジノ管理委員会, 2021–2024', () => {
  it('its page marks the link inferred by figures and shows the rename; the 2023 sheet page marks its previous year inferred', () => {
    // 2021 カジノ規制の整備・運用のための調査研究 and 2023 カジノ事業者等の監督体制の整備 both state 2020 as 116 / 69 百万円.
    const doc = page('projects/2021-jcrc-2021-jcrc-20-0001');
    const section = DomUtils.findOne((e) => e.name === 'section' && e.attribs['aria-labelledby'] === 'project-sheets', doc.children)!;
    const rows = DomUtils.findAll((e) => e.name === 'tr' && inTbody(e), [section]).map((tr) => DomUtils.findAll((e) => e.name === 'td' || e.name === 'th', [tr]).map((c) => DomUtils.textContent(c)));
    const figures = '推定（両年度のシートが記載する同じ年度の予算額・執行額が一致）';
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      ['カジノ規制の整備・運用のための調査研究', figures],
      ['カジノ事業者等の監督体制の整備', figures],
      ['カジノ事業者等の監督体制の整備', '推定（同じ府省庁・同じ事業名）'],
    ]);
    expect(DomUtils.textContent(section)).toContain('予算額・執行額が一致するシート');
    const changes = DomUtils.findOne((e) => e.name === 'section' && e.attribs['aria-labelledby'] === 'project-changes', doc.children)!;
    expect(DomUtils.textContent(changes)).toContain('事業名が「カジノ規制の整備・運用のための調査研究」から「カジノ事業者等の監督体制の整備」に');
    const nav = DomUtils.findOne((e) => e.attribs?.class === 'project-links', page('sheets/2023-jcrc-2023-jcrc-22-0001').children)!;
    expect(DomUtils.findAll((e) => e.name === 'li', [nav]).map((li) => DomUtils.textContent(li)).find((t) => t.startsWith('前の年度'))).toMatch(/（推定）$/);
  });
});

describe('rankings', () => {
  it('each year page ranks the largest budgets as the records state them, each row linking its sheet; its CSV has them all', () => {
    const years = [...new Set(records.map((s) => s.fiscalYear))];
    expect(hrefs(page('rankings'))).toEqual(expect.arrayContaining(years.map((y) => `/rankings/${y}/`)));
    for (const y of years) {
      const expected = records
        .filter((s) => s.fiscalYear === y && settledBudgetYear(s)?.total != null)
        .sort((a, b) => settledBudgetYear(b)!.total! - settledBudgetYear(a)!.total! || a.title.localeCompare(b.title, 'ja') || a.id.localeCompare(b.id))
        .map((s) => s.id);
      const doc = page(`rankings/${y}`);
      const section = DomUtils.findOne((e) => e.name === 'section' && e.attribs['aria-labelledby'] === 'ranking-budget-largest', doc.children)!;
      const shown = hrefs(parseDocument(DomUtils.getOuterHTML(section))).filter((h) => h.startsWith('/sheets/')).map((h) => h.split('/')[2]);
      expect(shown, String(y)).toEqual(expected.slice(0, 20));
      const csv = csvLines(`rankings/${y}/budget-largest.csv`);
      expect(csv[0]).toBe('事業名,府省庁,予算年度,予算額（計）（円）,執行額（円）,執行率（%）,シートID');
      expect(csv.slice(1).map((l) => l.split(',').at(-1))).toEqual(expected);
    }
  });

  it('no page of these kinds is over 200 KB of HTML', () => {
    for (const dir of ['payees', 'projects', 'rankings']) {
      if (!existsSync(path.join(site.dist, dir))) continue;
      for (const f of listFiles(path.join(site.dist, dir), '.html')) expect(statSync(f).size, f).toBeLessThan(200 * 1024);
    }
  });
});

describe('/data/payees.csv', () => {
  it('has one row per payee per sheet', () => {
    const rows = csvLines('data/payees.csv.zip').slice(1);
    expect(rows).toHaveLength(records.reduce((n, s) => n + s.payees.length, 0));
    expect(csvLines('data/payees.csv.zip')[0]).toBe('シートID,レビュー年度,支出の年度,ブロック,順位,支出先,法人番号,法人番号の検査用数字が正しい,支出額（円）,契約方式等,入札者数,落札率（%）');
    const omc = rows.filter((r) => r.includes(',9011101039249,')).map((r) => r.split(','));
    expect(omc.map((r) => r[8]).sort()).toEqual(['2000000', '2000000', '2387000', '29013000', '4105510', '666000', '6900000']);
    // 支出の年度: stated by the JUDGIT line only (2020 for the 2021 sheet), blank elsewhere.
    expect(omc.map((r) => `${r[0]} ${r[2]}`).filter((r) => !r.endsWith(' '))).toEqual(['2021-cao-2021-cao-20-0034 2020']);
  });
});

describe('search: a 法人番号 typed into the search box links its payee page', () => {
  it('shows the link for 9011101039249 (株式会社オーエムシー), typed in full-width digits', async () => {
    const { server, browser } = await serveAndLaunch(site);
    try {
      const { page, errors, close } = await openPage(browser, server.url(`search/?q=${encodeURIComponent('９０１１１０１０３９２４９')}`), { origin: server.origin });
      try {
        await page.waitForSelector('[data-search-payee]:not([hidden]) a', { timeout: 60_000 });
        expect(await page.$$eval('[data-search-payee] a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['/payees/9011101039249/']);
        // The results are the sheets listing it and its profile itself, listed first (search finds payee pages).
        await page.waitForSelector('[data-search-status][data-total]');
        expect(Number(await page.getAttribute('[data-search-status]', 'data-total'))).toBe(records.filter((s) => s.payees.some((p) => p.corporateNumber === '9011101039249')).length + 1);
        expect(await page.locator('[data-search-results] > li h3 a').first().getAttribute('href')).toBe('/payees/9011101039249/');
        // Chromium reports a HEAD request whose (empty) body it never reads as net::ERR_ABORTED, though it
        // answered 200 (the link above is shown only when res.ok): not a site error (as in search.test.ts).
        expect(errors.filter((e) => !(e.kind === 'requestfailed' && e.text.endsWith('net::ERR_ABORTED')))).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      await closeServed({ server, browser });
    }
  }, 120_000);
});
