/** URL cells with a note run on after the address (src/lib/markup/url-cell.ts), and links in sheet text. */
import { describe, expect, it } from 'vitest';
import { splitUrlCell } from '../../src/lib/markup/url-cell.ts';
import { linkParts } from '../../src/lib/markup/text-parts.ts';
import { rsSample } from '../support/sample-records.ts';

describe('splitUrlCell', () => {
  it('links the address and keeps the note as text', () => {
    expect(splitUrlCell('https://www.example.go.jp/jigyou/index.html／※事業期間終了後閉鎖予定')).toEqual({
      url: 'https://www.example.go.jp/jigyou/index.html',
      note: '※事業期間終了後閉鎖予定',
    });
    expect(splitUrlCell(' http://www.example.go.jp/a?b=1&c=%E3 （令和7年3月閉鎖）')).toEqual({ url: 'http://www.example.go.jp/a?b=1&c=%E3', note: '（令和7年3月閉鎖）' });
    expect(splitUrlCell('https://www.example.go.jp/.')).toEqual({ url: 'https://www.example.go.jp/', note: '.' });
  });

  it('a cell that is only a URL has no note; a cell that does not start with one is not a URL cell', () => {
    expect(splitUrlCell('https://www.fsc.go.jp/monitor/')).toEqual({ url: 'https://www.fsc.go.jp/monitor/', note: null });
    expect(splitUrlCell('事業概要URL https://www.fsc.go.jp/')).toBeNull();
    expect(splitUrlCell('javascript:alert(1)')).toBeNull();
    expect(splitUrlCell(null)).toBeNull();
  });
});

describe('links in sheet text end where the URL does', () => {
  it('on the real RS sheet 2024-cao-rs282 (食品安全委員会): two links, the notes between them text', async () => {
    const s = await rsSample(282);
    const remarks = s.findings.remarks!;
    const lines = remarks.split('\n');
    const parts = lines.flatMap((l) => linkParts(l));
    expect(parts.filter((p) => p.kind === 'link').map((p) => p.text)).toEqual(['https://www.fsc.go.jp/hyouka/', 'https://www.fsc.go.jp/monitor/']);
    expect(parts.filter((p) => p.kind === 'text').map((p) => p.text)).toContain('／【食品安全委員会HP\u3000食品安全モニター】');
  });
});
