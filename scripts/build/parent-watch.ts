/**
 * Preloaded (`node --import`) into each step `npm run build` starts (scripts/build.ts): the step exits as
 * soon as the build process is gone, even when that was SIGKILL, which leaves no chance to forward a
 * signal. scripts/build.ts gives each step one end of a pipe as file descriptor 3 and names it in
 * BUILD_PARENT_FD; the other end closes with the build process, and the step then stops at once, so no
 * orphaned converter or Astro goes on writing after the build that started it has died.
 *
 * Only the main thread of the step itself watches: the variable is removed at once, so processes the step
 * starts (Pagefind, workers) do not take descriptor 3 for the pipe.
 */
import net from 'node:net';
import { isMainThread } from 'node:worker_threads';

export const PARENT_FD_ENV = 'BUILD_PARENT_FD';

if (isMainThread && process.env[PARENT_FD_ENV]) {
  const fd = Number(process.env[PARENT_FD_ENV]);
  delete process.env[PARENT_FD_ENV];
  const pipe = new net.Socket({ fd, readable: true, writable: false });
  const stop = (): void => {
    console.error('build step: the build process is gone; stopping');
    process.exit(1);
  };
  pipe.on('end', stop);
  pipe.on('close', stop);
  pipe.on('error', stop);
  pipe.resume();
  // The pipe alone does not keep the step running.
  pipe.unref();
}
