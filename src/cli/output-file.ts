// Where a report goes: stdout, or a file written atomically that is never one of the input drafts.

import { writeFile, rename, unlink, realpath, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, basename, join } from 'node:path';
import { TreatyDiffError } from '../errors.js';
import type { Io } from './io.js';

/**
 * Refuses `-o` pointing at one of the input drafts, however it is spelt (`./x.pdf`, `dir/../x.pdf`, a
 * symbolic link, a hard link): a report must never overwrite a draft. Checked before anything is read.
 */
export async function guardOutput(output: string | undefined, inputs: string[]): Promise<void> {
  if (output === undefined) return;
  const resolved = await realpathOrSelf(output);
  const outputId = await fileIdentity(output);
  for (const input of inputs) {
    const inputId = await fileIdentity(input);
    if ((await realpathOrSelf(input)) === resolved || (outputId !== undefined && outputId === inputId)) {
      throw new TreatyDiffError('bad-option', `-o ${output}: refusing to overwrite the input draft ${input}; write the report to another file`);
    }
  }
}

/** Device and inode of an existing file (the same for every name of it), or undefined. */
async function fileIdentity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

async function realpathOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path));
  }
}

/** Writes to stdout, or atomically to a file: a temporary file beside it, then a rename. */
export async function emit(text: string, output: string | undefined, io: Pick<Io, 'stdout'>): Promise<void> {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  // Beside the target (a rename is atomic only within one file system); unique, and created exclusively.
  const temporary = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, output);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new TreatyDiffError('output-failed', `${output}: cannot write the report (${describeFsError(error)}); check that its folder exists and is writable`);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return code ?? (error instanceof Error ? error.message : String(error));
}
