// A server under `strapi start` (or the floor): boot time to the first /_health, the process's CPU time
// (utime + stime of /proc/<pid>/stat) and resident memory (VmRSS, sampled).
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawn } = require('child_process');

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuMilliseconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function residentBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

const health = (port) =>
  new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/_health', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 204 || response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });

/**
 * Starts `strapi start` in appDir (or `node <script>`, the floor); resolves once /_health answers.
 * `nodeOptions`: the server's NODE_OPTIONS (none: Node's defaults).
 */
async function startServer({ appDir, port, env, logFile, script, profileDir, nodeOptions }) {
  const log = fs.openSync(logFile, 'a');
  // `profileDir`: V8's CPU profile of the whole run, written there when the server exits (node --cpu-prof).
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const collector = ['--expose-gc', '--require', path.join(__dirname, 'collect-on-signal.js')];
  const args = [
    ...profile,
    ...collector,
    ...(script ? [script] : [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start']),
  ];
  const memoryFile = `${logFile}.memory.json`;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: appDir,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BENCH_MEMORY_FILE: memoryFile,
      ...(nodeOptions && { NODE_OPTIONS: nodeOptions }),
    },
    stdio: ['ignore', log, log],
  });
  let exited = null;
  child.on('exit', (code) => (exited = code ?? 'signal'));
  const deadline = Date.now() + 120_000;
  while (!(await health(port))) {
    if (exited !== null)
      throw new Error(`${script ? path.basename(script) : 'strapi start'} exited (${exited}) before /_health answered: see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`no /_health after 120 s: see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const bootSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peak = residentBytes(child.pid);
  let sampler = null;

  return {
    pid: child.pid,
    alive: () => exited === null,
    bootSeconds,
    bootRss: residentBytes(child.pid),
    cpuMilliseconds: () => cpuMilliseconds(child.pid),
    /**
     * Resolves once the server spends under 4% of a core for half a second (work left from the last
     * request, such as an export still streaming after its load stopped, or a collection of its
     * garbage), or after `maxMs`; gives the seconds waited.
     */
    async waitForIdle(maxMs = 60_000) {
      const started = Date.now();
      for (;;) {
        const before = cpuMilliseconds(child.pid);
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (exited !== null || cpuMilliseconds(child.pid) - before <= 20 || Date.now() - started > maxMs)
          return (Date.now() - started) / 1000;
      }
    },
    /**
     * The memory after two full collections (collect-on-signal.js), once the server is idle: what it
     * keeps, without the garbage a load left. `rss`: resident memory; `heapUsed`: the part of it that
     * is live JavaScript objects, as the server's V8 counts them (null if it did not say).
     */
    async memoryAfterCollection() {
      fs.rmSync(memoryFile, { force: true });
      for (let collection = 0; collection < 2; collection += 1) {
        if (exited !== null) break;
        process.kill(child.pid, 'SIGUSR2');
        await new Promise((resolve) => setTimeout(resolve, 250));
        await this.waitForIdle(10_000);
      }
      if (exited !== null) return null;
      const rss = residentBytes(child.pid);
      try {
        return { rss, heapUsed: JSON.parse(fs.readFileSync(memoryFile, 'utf8')).heapUsed };
      } catch {
        return { rss, heapUsed: null };
      }
    },
    /** Starts sampling the resident memory every 100 ms; the returned function stops and gives the peak. */
    sampleMemory() {
      peak = residentBytes(child.pid);
      sampler = setInterval(() => (peak = Math.max(peak, residentBytes(child.pid))), 100);
      return () => {
        clearInterval(sampler);
        return Math.max(peak, residentBytes(child.pid));
      };
    },
    stop: () =>
      new Promise((resolve) => {
        if (exited !== null) return resolve();
        child.once('exit', () => {
          fs.closeSync(log);
          resolve();
        });
        child.kill('SIGTERM');
        setTimeout(() => exited === null && child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

module.exports = { startServer };
