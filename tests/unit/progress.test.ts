/**
 * The progress lines of a long build step (scripts/converter/progress.ts): one each tenth of the total, or
 * after 10 s of silence while the count moves; none for the first and last counts (the step's own
 * start and end lines say them), none when nothing moved.
 */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../scripts/converter/progress.ts';

function run(total: number, steps: [done: number, ms: number][]): string[] {
  const lines: string[] = [];
  let t = 0;
  const p = createProgress({ what: 'inputs', total, print: (l) => lines.push(l), prefix: 'convert: ', now: () => t });
  for (const [done, ms] of steps) {
    t = ms;
    p.update(done, `${done * 3} sheets`);
  }
  return lines;
}

describe('createProgress', () => {
  it('prints a line at each tenth, with the count, the share, the detail and the time', () => {
    const steps = Array.from({ length: 26_395 }, (_, i) => [i, i * 10] as [number, number]);
    const lines = run(26_395, steps);
    // 9 tenths, 26.4 s apart, and two lines 10 s apart between each (the 10 s count from the last line).
    expect(lines).toHaveLength(9 + 2 * 10);
    expect(lines[0]).toBe('convert: 1,000/26,395 inputs (3 %), 3000 sheets, 10.0 s');
    expect(lines.filter((l) => / \((\d)0 %\)/.test(l)).map((l) => l.split(' ')[1])).toEqual([
      '2,640/26,395', '5,279/26,395', '7,919/26,395', '10,558/26,395', '13,198/26,395', '15,837/26,395', '18,477/26,395', '21,116/26,395', '23,756/26,395',
    ]);
    expect(lines.at(-1)).toBe('convert: 25,756/26,395 inputs (97 %), 77268 sheets, 257.6 s');
  });

  it('prints nothing for a short step, the last count, or a count that did not move since the last line', () => {
    expect(run(10, [[0, 0], [10, 50]])).toEqual([]);
    expect(run(100, [[5, 0], [5, 20_000], [5, 40_000]])).toEqual(['convert: 5/100 inputs (5 %), 15 sheets, 20.0 s']);
    expect(run(100, [[5, 0], [6, 20_000]])).toEqual(['convert: 6/100 inputs (6 %), 18 sheets, 20.0 s']);
    expect(run(0, [[0, 0]])).toEqual([]);
  });
});
