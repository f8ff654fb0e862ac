// Where the program's effects go: the process's streams, environment and exit code, or a test's recorder.

/** Where the program's effects go; the process by default, a recorder in tests. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  setExitCode(code: number): void;
  env: NodeJS.ProcessEnv;
  stdoutStream: { isTTY?: boolean; getColorDepth?: () => number };
  /** Progress is shown only when this is a terminal. */
  stderrStream?: { isTTY?: boolean };
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  // Never process.exit(): it would cut a large report still being written to a pipe.
  setExitCode: (code) => {
    process.exitCode = code;
  },
  env: process.env,
  stdoutStream: process.stdout,
  stderrStream: process.stderr,
};
