// Start-up time of the server on an empty data folder (migrate + seed) and on an existing one.
// Prints one JSON line per run: node bench/startup.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

async function waitReady(port, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become ready in time');
}

async function startOnce(dataDir, port, label) {
  const started = performance.now();
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitReady(port, child, Date.now() + 120_000);
    const ms = Math.round(performance.now() - started);
    console.log(JSON.stringify({ bench: 'startup', case: label, readyMs: ms }));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-bench-'));
try {
  await startOnce(dataDir, 3931, 'empty data folder (migrate + demo seed)');
  await startOnce(dataDir, 3932, 'existing data folder');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
