import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTemplates } from './index.js';
import { alertmanagerFuncs, referenceData } from './testdata/alertmanager-data.js';
it('xcheck', async () => {
  const pairs = (process.env.XCHECK ?? '').split(',');
  const set = parseTemplates([], alertmanagerFuncs, { missingKey: 'zero' });
  if (!set.ok) throw new Error('x');
  let bad = 0, good = 0;
  for (const pair of pairs) {
    const [casesFile, resFile] = pair.split(':');
    const cases = (await import(casesFile!)).default as { id: string; text: string }[];
    const res = JSON.parse(readFileSync(resFile!, 'utf8'));
    for (const c of cases) {
      const am = res[c.id];
      const r = set.value.executeString(c.text, referenceData());
      const mine = r.ok ? { out: r.value } : { err: r.error.message };
      if (JSON.stringify(mine) !== JSON.stringify(am)) { bad++; console.log(`DIFF ${c.id} ${JSON.stringify(c.text)}\n  am:   ${JSON.stringify(am)}\n  mine: ${JSON.stringify(mine)}`); } else good++;
    }
  }
  console.log(`good ${good} bad ${bad}`);
});
