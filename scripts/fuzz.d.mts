/** Options of a fuzz run; every field as the command-line flag of the same name. */
export interface FuzzOptions {
  /** Number of cases, numbered 0..cases-1. */
  cases: number;
  /** Run seed: case k is a pure function of (seed, k). */
  seed: number;
  /** Cases run at once. */
  jobs: number;
  /** Milliseconds after which a case is stopped and counts as a hang; the CLI is given half as its own --timeout. */
  timeout: number;
  /** Megabytes: peak resident memory of a case (process runner) or the runner thread's heap limit (thread runner). */
  memory: number;
  /** Run only this case. */
  only?: number;
  /** Folder where failing cases' bytes are saved. */
  save?: string;
  /** Where `npm run fuzz` writes the whole summary as JSON. */
  json?: string;
  quiet?: boolean;
  /** `process` (default): the built CLI once per case; `thread`: its main() in reused worker threads. */
  runner?: 'process' | 'thread';
}

/** One failing case and how to run it again. */
export interface FuzzFailure {
  index: number;
  source: string;
  mutations: string[];
  mode: 'extract' | 'compare';
  problems: string[];
  exit: number | string | null;
  ms: number;
  peakMb: number;
  stderr: string;
  reproduce: string;
}

/** The figures of a run. */
export interface FuzzSummary {
  seed: number;
  runner: 'process' | 'thread';
  cases: number;
  exit: { 0: number; 1: number; 2: number };
  /** Exit-2 cases by what their message says (`damaged-pdf`, `truncated-pdf`, `not-a-pdf`...). */
  refusals: Record<string, number>;
  /** Extract cases whose parsed draft passed through the coverage check. */
  coverageChecked: number;
  maxMs: number;
  maxPeakMb: number;
  totalMs: number;
  meanMs: number;
  wallSeconds: number;
  failures: FuzzFailure[];
}

export function runFuzz(options: FuzzOptions, log?: (line: string) => void): Promise<FuzzSummary>;

/** The figures of a run in one paragraph, as the README quotes them. */
export function describeSummary(summary: FuzzSummary): string;

/** The seed of case `index` of a run with `seed`: pure, and unrelated across runs whose seeds differ. */
export function caseSeed(seed: number, index: number): number;
