// Keeps one direction per evidence: a change is never reported as both weakening and strengthening.

import type { Finding, FindingCode } from '../types.js';

/** +1 for what adds protection or reach on its axis, -1 for what takes it away; others have none. */
const DIRECTION: Partial<Record<FindingCode, { axis: 'safeguard' | 'power'; sign: 1 | -1 }>> = {
  'safeguard-added': { axis: 'safeguard', sign: 1 },
  'safeguard-strengthened': { axis: 'safeguard', sign: 1 },
  'safeguard-removed': { axis: 'safeguard', sign: -1 },
  'safeguard-weakened': { axis: 'safeguard', sign: -1 },
  'power-added': { axis: 'power', sign: 1 },
  'power-expanded': { axis: 'power', sign: 1 },
  'power-removed': { axis: 'power', sign: -1 },
  'power-narrowed': { axis: 'power', sign: -1 },
};

const flat = (text: string | undefined): string => (text ?? '').replace(/\W+/g, ' ').trim().toLowerCase();

/** True when the two evidences quote the same wording on one side (one quote contains the other). */
function sameEvidence(a: Finding, b: Finding): boolean {
  for (const side of ['old', 'new'] as const) {
    const x = flat(a.evidence[side]);
    const y = flat(b.evidence[side]);
    if (x !== '' && y !== '' && (x.includes(y) || y.includes(x))) return true;
  }
  return false;
}

/**
 * True when two findings read opposite directions on one axis from the same wording of one provision.
 * Example: `safeguard-weakened` and `safeguard-strengthened` at `art_52__para_1` both quoting "subject to
 * appropriate safeguards" are opposite. Negative: `power-expanded` and `safeguard-strengthened` are on
 * different axes; two findings quoting different clauses of one provision are two changes.
 */
export function areContradictory(a: Finding, b: Finding): boolean {
  const da = DIRECTION[a.code];
  const db = DIRECTION[b.code];
  return da !== undefined && db !== undefined && da.axis === db.axis && da.sign !== db.sign && a.at === b.at && sameEvidence(a, b);
}

/**
 * The findings with every contradiction resolved to one direction, order kept. Rule: the finding read
 * from the more specific words wins (`ranks`: a safeguard phrase that came or went says more than a hedge
 * or a modal verb around it); on equal rank the first recorded is kept (classification records modal
 * verbs, then hedges, then topic phrases, then scope words: a stable order, so the same diff always
 * resolves the same way).
 */
export function resolveContradictions(findings: Finding[], ranks: ReadonlyMap<Finding, number>): Finding[] {
  const dropped = new Set<Finding>();
  for (let i = 0; i < findings.length; i++) {
    const a = findings[i] as Finding;
    if (dropped.has(a)) continue;
    for (let j = i + 1; j < findings.length; j++) {
      const b = findings[j] as Finding;
      if (dropped.has(b) || !areContradictory(a, b)) continue;
      const rankA = ranks.get(a) ?? 0;
      const rankB = ranks.get(b) ?? 0;
      if (rankB > rankA) {
        dropped.add(a);
        break;
      }
      dropped.add(b);
    }
  }
  return findings.filter((f) => !dropped.has(f));
}
