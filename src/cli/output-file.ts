// Where a report goes: stdout, or a file written atomically that is never one of the input drafts.

import { access, chmod, chown, constants, writeFile, rename, unlink, realpath, stat } from 'node:fs/promises';
import { unlinkSync, type Stats } from 'node:fs';
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

/** Temporary report files being written, removed if the run is interrupted (see `removeTemporaryFiles`). */
const temporaries = new Set<string>();

/** Removes the temporary files of reports still being written; for a run cancelled by a signal. */
export function removeTemporaryFiles(): void {
  for (const path of temporaries) {
    try {
      unlinkSync(path);
    } catch {
      // Already renamed into place or removed.
    }
  }
  temporaries.clear();
}

/**
 * Writes to stdout, or to a file as a shell redirect would, only safer: a regular file (or a new one) is
 * replaced atomically (a temporary file beside it, then a rename) and keeps its mode and, run as root,
 * its owner; a file the user may not write is refused as `>` would refuse it; a FIFO, a device or any
 * other special file is written into, never replaced.
 */
export async function emit(text: string, output: string | undefined, io: Pick<Io, 'stdout'>): Promise<void> {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  const failed = (error: unknown): TreatyDiffError =>
    new TreatyDiffError('output-failed', `${output}: cannot write the report (${describeFsError(error)}); check that its folder exists and is writable`);
  const existing = await stat(output).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    if (existing.isDirectory()) throw failed(Object.assign(new Error('directory'), { code: 'EISDIR' }));
    // A FIFO, a terminal, /dev/null: written into as it is.
    await writeFile(output, text).catch((error: unknown) => Promise.reject(failed(error)));
    return;
  }
  if (existing !== undefined) await access(output, constants.W_OK).catch((error: unknown) => Promise.reject(failed(error)));
  // Beside the target (a rename is atomic only within one file system); unique, and created exclusively.
  const temporary = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  temporaries.add(temporary);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    if (existing !== undefined) await keepIdentity(temporary, existing);
    await rename(temporary, output);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw failed(error);
  } finally {
    temporaries.delete(temporary);
  }
}

/** Gives the new file the replaced one's permission bits and, where allowed (root), its owner and group. */
async function keepIdentity(path: string, replaced: Stats): Promise<void> {
  await chmod(path, replaced.mode & 0o7777);
  if (process.getuid?.() === 0) await chown(path, replaced.uid, replaced.gid);
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOSPC') return 'no space left on device';
  if (code === 'EDQUOT') return 'disk quota exceeded';
  if (code === 'EROFS') return 'read-only file system';
  return code ?? (error instanceof Error ? error.message : String(error));
}
