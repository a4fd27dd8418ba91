import { rsSamples } from '../tests/support/sample-records.ts';
import { flowChart } from '../src/lib/charts.ts';
for (const s of await rsSamples()) {
  const c = flowChart(s);
  if (!c || c.canvas) continue;
  console.log(s.id, s.blocks.map(b=>`${b.id}:${b.total}`).join(' '), 'payees', s.payees.length, s.payees.slice(0,3).map(p=>p.amount), c.notes[0]?.slice(0,20));
}
