import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The file in an embedded data directory that names the process using it, like PostgreSQL's postmaster.pid. */
export const PID_FILE = 'gezinsplan.pid';

export interface DataDirLock {
  release(): void;
}

/** Thrown when another live process holds the data directory; its message says which and what to do. */
export class DataDirLocked extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`The data directory ${dataDir} is in use by process ${pid} (a running Gezinsplan server?). Stop it first.`);
    this.name = 'DataDirLocked';
  }
}

/**
 * Claims an embedded (PGlite) data directory for this process. PGlite has no locking of its own, and two processes
 * on one directory corrupt it, so `serve`, the other commands, and backup/restore take turns through this file.
 * A file left by a process that no longer lives (a kill -9) is stale and taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, PID_FILE);
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx' fails if the file exists, so two starting processes cannot both win.
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return ownLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(file);
    if (holder !== null && holder !== process.pid && isAlive(holder)) throw new DataDirLocked(dataDir, holder);
    // Stale (or unreadable, or our own from an earlier open in this process): remove it and try again.
    rmSync(file, { force: true });
  }
  throw new Error(`Could not claim the data directory ${dataDir}: ${PID_FILE} keeps coming back.`);
}

/** The live process holding the directory, or null when it is free (no file, or a stale one). */
export function dataDirHolder(dataDir: string): number | null {
  const holder = readPid(path.join(dataDir, PID_FILE));
  return holder !== null && isAlive(holder) ? holder : null;
}

function ownLock(file: string): DataDirLock {
  let released = false;
  // Also on a plain exit (process.exit after an error), so only a hard kill leaves a stale file behind.
  const onExit = () => release();
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', onExit);
    if (readPid(file) === process.pid) rmSync(file, { force: true });
  };
  process.on('exit', onExit);
  return { release };
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it lives, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A killed process its parent has not yet reaped still answers signal 0; on Linux /proc says it is gone. */
function isZombie(pid: number): boolean {
  try {
    // The state follows the parenthesised command name, which may itself hold spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}
