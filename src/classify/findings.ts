// Finding codes with their group, default severity and short title.

import type { FindingCode, Severity } from '../types.js';

/** What a finding code is about and how much it matters by default. */
export interface FindingInfo {
  group: 'safeguard' | 'power' | 'article' | 'drafting';
  severity: Severity;
  /** Short label, e.g. "Safeguard weakened". */
  title: string;
}

/** Every finding code; a Record so that a new code without its metadata fails to compile. */
export const FINDING_INFO: Record<FindingCode, FindingInfo> = {
  'safeguard-added': { group: 'safeguard', severity: 'medium', title: 'Safeguard added' },
  'safeguard-removed': { group: 'safeguard', severity: 'high', title: 'Safeguard removed' },
  'safeguard-weakened': { group: 'safeguard', severity: 'high', title: 'Safeguard weakened' },
  'safeguard-strengthened': { group: 'safeguard', severity: 'medium', title: 'Safeguard strengthened' },
  'safeguard-modified': { group: 'safeguard', severity: 'medium', title: 'Safeguard reworded' },
  'power-added': { group: 'power', severity: 'high', title: 'Power added' },
  'power-removed': { group: 'power', severity: 'medium', title: 'Power removed' },
  'power-expanded': { group: 'power', severity: 'high', title: 'Power expanded' },
  'power-narrowed': { group: 'power', severity: 'medium', title: 'Power narrowed' },
  'power-modified': { group: 'power', severity: 'medium', title: 'Power reworded' },
  'article-added': { group: 'article', severity: 'medium', title: 'Article added' },
  'article-removed': { group: 'article', severity: 'medium', title: 'Article removed' },
  'article-renumbered': { group: 'article', severity: 'info', title: 'Article renumbered' },
  'article-moved': { group: 'article', severity: 'info', title: 'Article moved' },
  'article-modified': { group: 'article', severity: 'low', title: 'Article text changed' },
  'modal-shift': { group: 'drafting', severity: 'medium', title: 'Modal verb changed' },
  'qualifier-added': { group: 'drafting', severity: 'medium', title: 'Qualifier added' },
  'qualifier-removed': { group: 'drafting', severity: 'low', title: 'Qualifier removed' },
  'brackets-added': { group: 'drafting', severity: 'info', title: 'Brackets added' },
  'brackets-resolved': { group: 'drafting', severity: 'info', title: 'Brackets resolved' },
  'text-moved': { group: 'drafting', severity: 'info', title: 'Text moved' },
};

/** Every finding code in report order (safeguards, powers, articles, drafting). */
export const FINDING_CODES = Object.keys(FINDING_INFO) as FindingCode[];
