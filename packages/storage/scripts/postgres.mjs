#!/usr/bin/env node
// A throwaway PostgreSQL cluster for tests, CI and benchmarks: one script, used by the vitest global
// setup (packages/storage/scripts/postgresGlobalSetup.ts), by .ci/run and by hand.
//
//   node packages/storage/scripts/postgres.mjs start [--json] [--durable] [--watch-parent <pid>]
//   node packages/storage/scripts/postgres.mjs stop [<dir>]        (default $JAHSKIT_TEST_POSTGRES_DIR)
//
// `start` creates a cluster in a new folder under the system's temp folder, listening on a free port
// of 127.0.0.1 (and on a Unix socket in that folder), and prints shell lines to `eval`:
//   export JAHSKIT_TEST_POSTGRES_URL='postgresql://postgres@127.0.0.1:<port>/postgres'
//   export JAHSKIT_TEST_POSTGRES_DIR='/tmp/jahskit-pg-…'
// (`--json`: one JSON object {url, dir, socketDir, port} instead). The superuser `postgres` logs in
// without a password; every other role needs its password (scram-sha-256), so that tests can check
// what a wrong password does. Unless `--durable`, fsync and synchronous commits are off: a test
// cluster need not survive a power cut. `--watch-parent <pid>` leaves a small process that stops the
// cluster once <pid> has exited, so a test run killed before its teardown leaves no server behind.
//
// PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user; when
// PostgreSQL is missing it is installed with apt-get as root, and otherwise the script fails with one
// line saying how to install it.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PREFIX = 'jahskit-pg-';
const isRoot = process.getuid?.() === 0;

function fail(message) {
  process.stderr.write(`postgres.mjs: ${message}\n`);
  process.exit(1);
}

/** The folder holding initdb and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/<v>/bin. */
function findBinDir() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function binDir() {
  const found = findBinDir();
  if (found !== undefined) return found;
  if (!isRoot) {
    fail('PostgreSQL is not installed; install it with `sudo apt-get install -y postgresql` (or set PG_BIN to the folder holding initdb and pg_ctl)');
  }
  process.stderr.write('postgres.mjs: PostgreSQL is missing; installing it with apt-get\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'postgresql']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 2, 2], env });
    if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed; install PostgreSQL by hand (apt-get install -y postgresql)`);
  }
  return findBinDir() ?? fail('apt-get installed postgresql but no initdb was found under /usr/lib/postgresql');
}

/** uid and gid of `postgres` when root (the server refuses root), else undefined: run as this user. */
function owner() {
  if (!isRoot) return undefined;
  const id = (flag) => {
    const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    if (result.status !== 0) fail('running as root but there is no `postgres` user to own the cluster; reinstall the postgresql package');
    return Number(result.stdout.trim());
  };
  return { uid: id('-u'), gid: id('-g') };
}

function run(command, args, user, what) {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: tmpdir(), ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } });
  if (result.status !== 0) {
    const detail = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${what} failed: ${detail || result.error?.message || `exit ${result.status}`}`);
  }
  return result.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function start(flags) {
  const bin = binDir();
  const user = owner();
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  try {
    if (user !== undefined) chownSync(dir, user.uid, user.gid);
    run(join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], user, 'initdb');
    // First match wins: the superuser is trusted, every other role must give its password.
    const hba = [
      'local all postgres trust',
      'host all postgres 127.0.0.1/32 trust',
      'local all all scram-sha-256',
      'host all all 127.0.0.1/32 scram-sha-256',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'pg_hba.conf'), hba);
    if (user !== undefined) chownSync(join(dir, 'pg_hba.conf'), user.uid, user.gid);
    const durability = flags.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
    // A port picked here may be taken before the server binds it; try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200', ...durability].join(' ');
      try {
        run(join(bin, 'pg_ctl'), ['-D', dir, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'], user, 'pg_ctl start');
      } catch (error) {
        if (attempt < 3) continue;
        throw error;
      }
      const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
      if (flags.watchParent !== undefined) watch(flags.watchParent, dir);
      return { url, dir, socketDir: dir, port };
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    fail(`${error.message} (cluster folder ${dir} removed)`);
  }
}

/** Stops the cluster in `dir` (at once: it holds nothing worth a checkpoint) and removes the folder. */
function stop(dir) {
  if (dir === undefined || dir === '') fail('stop: which cluster? pass its folder or set JAHSKIT_TEST_POSTGRES_DIR');
  // Only ever remove a folder this script made.
  if (!basename(dir).startsWith(PREFIX)) fail(`stop: ${dir} is not a cluster folder made by this script`);
  if (!existsSync(dir)) return;
  const bin = findBinDir();
  if (bin !== undefined && existsSync(join(dir, 'postmaster.pid'))) {
    try {
      run(join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop'], owner(), 'pg_ctl stop');
    } catch (error) {
      process.stderr.write(`postgres.mjs: ${error.message}\n`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A detached process that stops the cluster when `parent` has gone (and quits once the folder is gone). */
function watch(parent, dir) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'watch', String(parent), dir], { detached: true, stdio: 'ignore' });
  child.unref();
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function watchLoop(parent, dir) {
  const timer = setInterval(() => {
    if (!existsSync(dir)) {
      clearInterval(timer);
    } else if (!alive(parent)) {
      clearInterval(timer);
      stop(dir);
    }
  }, 1000);
}

const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;

const [command, ...rest] = process.argv.slice(2);
if (command === 'start') {
  const flags = { json: rest.includes('--json'), durable: rest.includes('--durable'), watchParent: undefined };
  const at = rest.indexOf('--watch-parent');
  if (at >= 0) {
    flags.watchParent = Number(rest[at + 1]);
    if (!Number.isInteger(flags.watchParent)) fail('--watch-parent needs a process id');
  }
  const cluster = await start(flags);
  process.stdout.write(
    flags.json
      ? `${JSON.stringify(cluster)}\n`
      : `export JAHSKIT_TEST_POSTGRES_URL=${quote(cluster.url)}\nexport JAHSKIT_TEST_POSTGRES_DIR=${quote(cluster.dir)}\n`,
  );
} else if (command === 'stop') {
  stop(rest[0] ?? process.env.JAHSKIT_TEST_POSTGRES_DIR);
} else if (command === 'watch') {
  watchLoop(Number(rest[0]), rest[1]);
} else {
  fail('usage: postgres.mjs start [--json] [--durable] [--watch-parent <pid>] | stop [<dir>]');
}
