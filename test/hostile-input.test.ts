// Hostile and broken drafts through the built CLI: each class of bad input ends with exit 2 and one clear
// line naming the file and the remedy, or, where the draft can be read, with its text read and nothing run.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliMeasured } from './helpers/cli.js';
import { expectRefusal } from './helpers/refusal.js';

const PLAIN = 'fixtures/hostile/plain.pdf';
const ENCRYPTED = 'fixtures/bad/encrypted.pdf';
/** The draft encrypted.pdf was made from (fixtures/README.md), with its user password. */
const ENCRYPTED_SOURCE = 'fixtures/pairs/renumber-only/old.pdf';
const PASSWORD = 'secret';
const noCache = ['--no-cache'];

interface ExtractedJson {
  source: { pages: number };
  nodes: { kind: string; num?: string; text: string }[];
  warnings: { code: string; message: string; page?: number }[];
}
const extracted = new Map<string, ExtractedJson>();

/** A draft read as JSON by `extract`: exit 0, nothing on stderr (each command line run once per file). */
function extractJson(file: string, ...options: string[]): ExtractedJson {
  const args = ['extract', file, '--format', 'json', ...noCache, ...options];
  const key = JSON.stringify(args);
  const known = extracted.get(key);
  if (known !== undefined) return known;
  const result = runCli(args);
  expect(result.stderr, result.command).toBe('');
  expect(result.code, result.command).toBe(0);
  const doc = JSON.parse(result.stdout) as ExtractedJson;
  extracted.set(key, doc);
  return doc;
}

/** Article numbers and texts of a draft, for comparing what two fixtures hold. */
function articlesOf(doc: ReturnType<typeof extractJson>): [string | undefined, string][] {
  return doc.nodes.filter((node) => node.kind === 'article').map((node) => [node.num, node.text]);
}

const plainArticles = (): [string | undefined, string][] => articlesOf(extractJson(PLAIN));

describe('refused with one line naming the file and the remedy (exit 2)', () => {
  it('not a PDF: says so and asks for a PDF or a text draft', () => {
    expectRefusal(runCli(['extract', 'fixtures/bad/not-a-pdf.pdf', ...noCache]), 'fixtures/bad/not-a-pdf.pdf', /neither a PDF/, /give the draft as a PDF/);
    // In a comparison the line names the bad draft, not the good one.
    const result = runCli([PLAIN, 'fixtures/bad/not-a-pdf.pdf', ...noCache]);
    expectRefusal(result, 'fixtures/bad/not-a-pdf.pdf', /neither a PDF/);
    expect(result.stderr).not.toContain(PLAIN);
  });

  it('truncated: says the file was cut short and to fetch it again', () => {
    expectRefusal(runCli(['extract', 'fixtures/bad/truncated.pdf', ...noCache]), 'fixtures/bad/truncated.pdf', /truncated/, /%%EOF/, /fetch the file again/);
  });

  it('circular page tree: damaged, the page tree loops, save a fresh copy', () => {
    expectRefusal(
      runCli(['extract', 'fixtures/hostile/circular-page-tree.pdf', ...noCache]),
      'fixtures/hostile/circular-page-tree.pdf',
      /damaged/,
      /page tree loops back on itself/,
      /save a copy|fresh copy/,
    );
  });

  it('password-protected: names --password and TREATY_DIFF_PASSWORD', () => {
    expectRefusal(runCli(['extract', ENCRYPTED, ...noCache]), ENCRYPTED, /password-protected/, /--password <password>/, /TREATY_DIFF_PASSWORD/);
  });

  it('a wrong password: says the password does not open it', () => {
    expectRefusal(runCli(['extract', ENCRYPTED, '--password', 'not-the-password', ...noCache]), ENCRYPTED, /password given does not open/);
    expectRefusal(runCli(['extract', ENCRYPTED, ...noCache], { TREATY_DIFF_PASSWORD: 'not-the-password' }), ENCRYPTED, /password given does not open/);
  });

  it('image-only pages: says OCR is needed, with ocrmypdf', () => {
    expectRefusal(runCli(['extract', 'fixtures/bad/scanned.pdf', ...noCache]), 'fixtures/bad/scanned.pdf', /no text layer/, /OCR/, /ocrmypdf fixtures\/bad\/scanned\.pdf/);
  });

  it('decompression bomb behind spaces after `stream`: refused the same way, before inflating', () => {
    const started = Date.now();
    expectRefusal(runCli(['extract', 'fixtures/hostile/decompression-bomb-spaced.pdf', ...noCache]), 'fixtures/hostile/decompression-bomb-spaced.pdf', /decompression bomb/, /more than 300 MB/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it.each([
    ['decompression-bomb-lzw.pdf', 'a flate layer over LZW codes for 2 GB of spaces'],
    ['decompression-bomb-aes.pdf', 'the flate bomb encrypted with AES (empty user password)'],
  ])('decompression bomb that no check before reading can count (%s: %s): stopped as pdf.js decodes it, in seconds, the process under 1 GB', (name) => {
    const file = `fixtures/hostile/${name}`;
    const result = runCliMeasured(['extract', file, ...noCache]);
    expectRefusal(result, file, /one of the PDF's streams expands past 32 MB/, /decompression bomb/);
    expect(result.peakMb, `${result.command}: peak ${result.peakMb} MB`).toBeGreaterThan(0);
    expect(result.peakMb, `${result.command}: peak ${result.peakMb} MB`).toBeLessThan(1024);
    expect(result.seconds, `${result.command}: ${result.seconds} s`).toBeLessThan(30);
    // The bound on all decoded streams follows --max-size (3 times it), in a comparison too.
    expectRefusal(runCli([file, 'fixtures/hostile/plain.pdf', '--max-size', '1', ...noCache]), file, /expand to more than 3 MB/, /--max-size <MB>/);
  });

  it('decompression bomb: refused before inflating, naming the bound and --max-size', () => {
    expectRefusal(
      runCli(['extract', 'fixtures/hostile/decompression-bomb.pdf', ...noCache]),
      'fixtures/hostile/decompression-bomb.pdf',
      /decompression bomb/,
      /more than 300 MB/,
      /--max-size <MB>/,
    );
    // The inflate bound follows --max-size (three times it).
    expectRefusal(runCli(['extract', 'fixtures/hostile/decompression-bomb.pdf', '--max-size', '1', ...noCache]), 'fixtures/hostile/decompression-bomb.pdf', /more than 3 MB/);
  });

  it('past --max-memory: the reading thread is stopped at its heap bound, named with the option', () => {
    // 16 MB of heap does not hold pdf.js itself: the thread that reads the draft runs out at once.
    for (const result of [
      runCli(['extract', 'fixtures/un-draft.pdf', '--max-memory', '16', ...noCache]),
      runCli(['extract', 'fixtures/un-draft.pdf', ...noCache], { TREATY_DIFF_MAX_MEMORY: '16' }),
    ]) {
      expectRefusal(result, 'fixtures/un-draft.pdf', /needed more than 16 MB of memory/, /--max-memory <MB>/);
    }
    expect(runCli(['extract', 'fixtures/un-draft.pdf', '--max-memory', '512', ...noCache]).code).toBe(0);
  });

  it('no articles: says none was found and what a heading looks like', () => {
    for (const args of [['extract', 'fixtures/bad/no-articles.pdf'], [PLAIN, 'fixtures/bad/no-articles.pdf']]) {
      expectRefusal(runCli([...args, ...noCache]), 'fixtures/bad/no-articles.pdf', /no articles found/, /"Article 1"/, /report it/);
    }
  });

  it('an invalid rules file: names the file and the format to follow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-rules-'));
    try {
      const broken = join(dir, 'broken.json');
      const wrongKey = join(dir, 'wrong-key.json');
      const badPhrase = join(dir, 'bad-phrase.json');
      writeFileSync(broken, '{"topics": [');
      writeFileSync(wrongKey, '{"rules": []}');
      writeFileSync(badPhrase, '{"hedges": [""]}');
      const pair = [PLAIN, PLAIN, ...noCache];
      expectRefusal(runCli([...pair, '--rules', broken]), broken, /not valid JSON/, /rules file format in the README/);
      expectRefusal(runCli([...pair, '--rules', wrongKey]), wrongKey, /unknown key "rules"/, /rules file format/);
      expectRefusal(runCli([...pair, '--rules', badPhrase]), badPhrase, /hedges\[0\]/, /rules file format/);
      expectRefusal(runCli([...pair, '--rules', join(dir, 'missing.json')]), join(dir, 'missing.json'), /cannot read the rules file/, /check the path/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('past --max-size: names the size, the bound and the option; raising it reads the draft', () => {
    expectRefusal(runCli(['extract', 'fixtures/un-draft.pdf', '--max-size', '0.01', ...noCache]), 'fixtures/un-draft.pdf', /more than the limit of 11 kB/, /--max-size <MB>/);
    expectRefusal(runCli(['extract', 'fixtures/un-draft.pdf', ...noCache], { TREATY_DIFF_MAX_SIZE: '0.01' }), 'fixtures/un-draft.pdf', /--max-size/);
    expect(runCli(['extract', 'fixtures/un-draft.pdf', '--max-size', '1', ...noCache]).code).toBe(0);
  });

  it('past --max-pages: names the count, the bound and the option; raising it reads the draft', () => {
    expectRefusal(runCli(['extract', PLAIN, '--max-pages', '1', ...noCache]), PLAIN, /2 pages, more than the limit of 1/, /--max-pages <n>/);
    expectRefusal(runCli([PLAIN, 'fixtures/hostile/javascript.pdf', ...noCache], { TREATY_DIFF_MAX_PAGES: '1' }), PLAIN, /--max-pages/);
    expect(extractJson(PLAIN, '--max-pages', '2').source.pages).toBe(2);
  });

  it('past --timeout: names the bound and the option', () => {
    // 1 ms ends before pdf.js has even loaded, on any machine.
    expectRefusal(runCli(['extract', 'fixtures/un-draft.pdf', '--timeout', '0.001', ...noCache]), 'fixtures/un-draft.pdf', /took longer than the limit of 1 ms/, /--timeout <seconds>/);
    // Also when the drafts are read in worker threads.
    expectRefusal(runCli(['fixtures/un-draft.pdf', 'fixtures/coe-convention.pdf', ...noCache], { TREATY_DIFF_TIMEOUT: '0.001' }), 'fixtures/un-draft.pdf', /took longer/, /--timeout/);
  });

  it('a bad bound is a usage error, not a silent default', () => {
    for (const option of ['--max-pages', '--max-size', '--timeout']) {
      const result = runCli(['extract', PLAIN, option, '0']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^treaty-diff: .*${option} needs a positive number, got "0".*\\n$`));
    }
  });
});

describe('read as it should be (the damage is repaired or harmless)', () => {
  it('broken cross-reference table: rebuilt, the same articles as the intact file', () => {
    expect(articlesOf(extractJson('fixtures/hostile/broken-xref.pdf'))).toEqual(plainArticles());
    const result = runCli([PLAIN, 'fixtures/hostile/broken-xref.pdf', ...noCache]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('lying page count (40 claimed, 2 present): the 2 pages, every article', () => {
    const doc = extractJson('fixtures/hostile/lying-page-count.pdf');
    expect(doc.source.pages).toBe(2);
    expect(articlesOf(doc)).toEqual(plainArticles());
  });

  it('short page count (1 claimed, 2 present): what pdf.js reads, and a warning that pages may be missing', () => {
    const doc = extractJson('fixtures/hostile/short-page-count.pdf');
    expect(doc.source.pages).toBe(1);
    expect(doc.warnings).toContainEqual({
      code: 'unread-pages',
      message: expect.stringMatching(/^the file holds 2 page objects but its page tree lists 1: pages may be missing from the comparison/),
    });
    // Never silent: the comparison reports it too, for the draft it concerns, and it exits as usual.
    const result = runCli([PLAIN, 'fixtures/hostile/short-page-count.pdf', '--format', 'json', ...noCache]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).warnings).toContainEqual(expect.objectContaining({ code: 'unread-pages', draft: 'new' }));
    // The well-formed drafts never carry it.
    expect(extractJson(PLAIN).warnings.map((w: { code: string }) => w.code)).not.toContain('unread-pages');
    expect(extractJson('fixtures/un-draft.pdf').warnings.map((w: { code: string }) => w.code)).not.toContain('unread-pages');
  });

  it('huge page count (2^31 - 1 claimed): not refused as 2 billion pages, read as 2', () => {
    const doc = extractJson('fixtures/hostile/huge-page-count.pdf', '--max-pages', '2');
    expect(doc.source.pages).toBe(2);
    expect(articlesOf(doc)).toEqual(plainArticles());
  });

  it('password-protected, with the password: --password, TREATY_DIFF_PASSWORD, and in a comparison', () => {
    const source = articlesOf(extractJson(ENCRYPTED_SOURCE));
    expect(articlesOf(extractJson(ENCRYPTED, '--password', PASSWORD))).toEqual(source);
    const viaEnv = runCli(['extract', ENCRYPTED, '--format', 'json', ...noCache], { TREATY_DIFF_PASSWORD: PASSWORD });
    expect(viaEnv.code).toBe(0);
    expect(articlesOf(JSON.parse(viaEnv.stdout))).toEqual(source);
    // The drafts are read in worker threads here; the password reaches them, and opens no other file wrongly.
    const compared = runCli([ENCRYPTED_SOURCE, ENCRYPTED, '--password', PASSWORD, ...noCache]);
    expect(compared.stderr).toBe('');
    expect(compared.code).toBe(0);
  });

  it('owner-restricted (printing and copying forbidden): read without a password', () => {
    expect(articlesOf(extractJson('fixtures/bad/owner-restricted.pdf'))).toEqual(articlesOf(extractJson(ENCRYPTED_SOURCE)));
  });

  it('JavaScript, a form, an attachment with a launch action: the text is read, nothing runs or is opened', () => {
    // The attachment's script would create this file if anything launched it.
    const marker = '/tmp/treaty-diff-attachment-ran';
    rmSync(marker, { force: true });
    for (const file of ['fixtures/hostile/javascript.pdf', 'fixtures/hostile/form-and-attachment.pdf']) {
      const doc = extractJson(file);
      // Exactly the text of the same draft without the active content: no script, field value or file name leaks in.
      expect(articlesOf(doc)).toEqual(plainArticles());
      const json = JSON.stringify(doc);
      for (const leaked of ['pwned', 'changed', 'field value', 'run.sh', 'calc.exe', '127.0.0.1']) expect(json).not.toContain(leaked);
      const compared = runCli([PLAIN, file, ...noCache]);
      expect(compared.stderr).toBe('');
      expect(compared.code).toBe(0);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('the fixtures carry what they claim (so the tests above test something)', () => {
    const bytes = (name: string): string => readFileSync(`fixtures/hostile/${name}`, 'latin1');
    expect(bytes('javascript.pdf')).toMatch(/\/S \/JavaScript/);
    expect(bytes('form-and-attachment.pdf')).toMatch(/\/AcroForm[\s\S]*\/EmbeddedFiles[\s\S]*\/S \/Launch/);
    expect(bytes('lying-page-count.pdf')).toContain('/Count 40');
    expect(bytes('huge-page-count.pdf')).toContain('/Count 2147483647');
    expect(bytes('circular-page-tree.pdf')).toContain('/Kids [2 0 R 6 0 R]');
    expect(bytes('broken-xref.pdf')).toContain('startxref\n300\n');
    expect(readFileSync('fixtures/bad/truncated.pdf', 'latin1').slice(-1024)).not.toContain('%%EOF');
    expect(readFileSync(ENCRYPTED, 'latin1')).toContain('/Encrypt');
  });
});

describe('an unexpected internal error', () => {
  /** Runs main() on a small draft with an Io whose stdout fails: a fault of the program, not of the input. */
  async function runWithBrokenStdout(args: string[], env: NodeJS.ProcessEnv): Promise<{ stderr: string; code: number | undefined }> {
    // The built program: drafts are read in worker threads, which start the compiled worker (npm run build).
    const { main } = (await import('../dist/cli/program.js')) as typeof import('../src/cli/program.js');
    let stderr = '';
    let code: number | undefined;
    await main(['node', 'treaty-diff', 'extract', PLAIN, ...noCache, ...args], {
      stdout: () => {
        throw new Error('the report could not be handed over\nsecond line of the message');
      },
      stderr: (text) => {
        stderr += text;
      },
      setExitCode: (value) => {
        code = value;
      },
      env,
      stdoutStream: { isTTY: false },
      stderrStream: { isTTY: false },
    });
    return { stderr, code };
  }

  const oneLine =
    /^treaty-diff: internal error \(the report could not be handed over\); this is a bug in treaty-diff: please report it with the command and the drafts; --debug or TREATY_DIFF_DEBUG=1 shows the details\n/;

  it('prints one line asking for a bug report, exit 2, no stack trace', async () => {
    for (const env of [{}, { TREATY_DIFF_DEBUG: '0' }, { TREATY_DIFF_DEBUG: '' }]) {
      const { stderr, code } = await runWithBrokenStdout([], env);
      expect(code).toBe(2);
      expect(stderr).toMatch(oneLine);
      expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('adds the details with --debug or TREATY_DIFF_DEBUG=1', async () => {
    for (const [args, env] of [[['--debug'], {}], [[], { TREATY_DIFF_DEBUG: '1' }]] as const) {
      const { stderr, code } = await runWithBrokenStdout([...args], { ...env });
      expect(code).toBe(2);
      expect(stderr).toMatch(oneLine);
      // The stack follows the line: the whole message and where it was thrown.
      expect(stderr).toContain('second line of the message');
      expect(stderr).toMatch(/^\s+at .*hostile-input\.test\.ts/m);
    }
  });
});
