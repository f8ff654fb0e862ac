// A reading thread that hangs on fixtures/un-draft.pdf, as pdf.js would on a PDF that traps it, and reads any
// other draft as the real thread does: the pool must stop it and give the drafts queued behind to a fresh one.
import { parentPort } from 'node:worker_threads';

const { readJob } = await import('../../dist/drafts/read-job.js');
parentPort.on('message', async (job) => {
  if (job.path.endsWith('un-draft.pdf')) for (;;);
  parentPort.postMessage(await readJob(job));
});
