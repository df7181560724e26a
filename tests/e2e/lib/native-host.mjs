// The real native host (the release build of hush-host) for the end-to-end tests: registered for
// a throwaway Chromium profile by its own `install` command, with its own SQLite database file
// (HUSH_DB, which the browser passes on to the host it starts), and its command line for reading
// that database the way a person would.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The host binary `cargo xtask build` makes. */
export const HOST_BINARY = fileURLToPath(new URL('../../../target/release/hush-host', import.meta.url));

/** Registers the host for the Chromium profile in `profileDir` (before the browser starts). */
export function registerForChromium(profileDir) {
  execFileSync(HOST_BINARY, ['install', '--browser', 'chromium', '--user-data-dir', profileDir], { stdio: 'ignore' });
}

/** Runs `hush-host ARGS` on the database `db`; resolves with its standard output. */
export function hostCli(db, args) {
  return execFileSync(HOST_BINARY, args, { encoding: 'utf8', env: { ...process.env, HUSH_DB: db } });
}

/** Process ids of the hosts running on the database `db` (Linux: read from /proc). */
export function hostProcesses(db) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0].endsWith('hush-host')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`HUSH_DB=${db}`)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}
