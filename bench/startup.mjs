// Startup benchmark (issue 2): time from launching the INSTALLED bin to the first frame of the
// home screen in a pseudo-terminal, median of N runs, beside `node -e 0` measured in the same run,
// and the app's peak RSS. Usage: node bench/startup.mjs [runs=15]
// Goal: median first frame ≤ 3 × node -e 0; peak RSS ≤ 90 MB.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('..', import.meta.url)));
const runs = Number(process.argv[2] ?? 15);
const work = mkdtempSync(join(tmpdir(), 'gcd-bench-'));

// Install the packed tarball, as npx would.
execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'pipe' });
const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
execFileSync('npm', ['install', '--prefix', join(work, 'prefix'), '--offline', '--silent', '--no-audit', '--no-fund', tarball], { stdio: 'pipe' });
const bin = join(work, 'prefix', 'node_modules', '.bin', 'gocoffee-drill');

/** Run `command` under `script` (a real pty, 100×30); resolve with ms until `marker` is printed, or until exit. */
function timeInPty(command, marker) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; ${command}`, '/dev/null'], {
      env: { ...process.env, GOCOFFEE_DRILL_HOME: join(work, 'data'), TERM: 'xterm-256color' },
    });
    let seen = '';
    let done = false;
    const finish = (ms, rssKb) => {
      if (done) return;
      done = true;
      resolve({ ms, rssKb });
    };
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      if (marker && !done && seen.includes(marker)) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        // Let the app settle, then read its peak RSS before stopping it.
        setTimeout(() => {
          const rssKb = peakRssOfTree(child.pid);
          child.stdin.write('q');
          setTimeout(() => child.kill('SIGKILL'), 500);
          finish(ms, rssKb);
        }, 300);
      }
    });
    child.on('exit', () => {
      if (!marker) finish(Number(process.hrtime.bigint() - start) / 1e6, 0);
      else if (!done) reject(new Error(`exited before "${marker}":\n${seen}`));
    });
  });
}

function peakRssOfTree(pid) {
  let peak = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)[1]);
      if (isDescendant(Number(entry), pid, ppid) && /Name:\s+node/.test(status)) {
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      }
    } catch {
      // the process went away
    }
  }
  return peak;
}

function isDescendant(pid, ancestor, ppid) {
  let current = ppid;
  for (let hops = 0; hops < 5 && current > 1; hops += 1) {
    if (current === ancestor) return true;
    try {
      current = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))[1]);
    } catch {
      return false;
    }
  }
  return pid === ancestor;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const baseline = [];
const app = [];
const rss = [];
// Interleave the two so machine noise hits both alike.
for (let i = 0; i < runs + 1; i += 1) {
  const b = await timeInPty('node -e 0', undefined);
  const a = await timeInPty(bin, 'attempts made');
  if (i === 0) continue; // warm the disk cache
  baseline.push(b.ms);
  app.push(a.ms);
  rss.push(a.rssKb);
}
rmSync(work, { recursive: true, force: true });

const mb = median(baseline);
const ma = median(app);
const peak = Math.max(...rss) / 1024;
console.log(`runs: ${runs} (interleaved, in a pty via script(1), 100x30)`);
console.log(`node -e 0 (whole process):        median ${mb.toFixed(0)} ms`);
console.log(`gocoffee-drill to first home frame: median ${ma.toFixed(0)} ms`);
console.log(`ratio: ${(ma / mb).toFixed(2)}x node -e 0 (goal <= 3x)`);
console.log(`peak RSS: ${peak.toFixed(1)} MB (goal <= 90 MB)`);
