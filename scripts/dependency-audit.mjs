// Dependency audit for CI (docs/adr/0022-dependency-audit.md).
//
//   npm run audit:deps                      the audit as CI runs it
//   node scripts/dependency-audit.mjs --all also ask the registry about the transitive runtime packages (slower)
//   node scripts/dependency-audit.mjs --today=2027-03-10
//                                           pretend it is another day (to try the 90-day rule)
//
// 1. `npm audit --omit=dev --json`, at most 60 s. When it answers: the counts per severity; exit 1 on any high or
//    critical advisory.
// 2. When the advisory source refuses or does not answer, it says so, names the ADR that holds the manual review
//    of the published advisories, and runs what is possible without it:
//    a. the runtime dependencies that npm marks as deprecated (`npm view <name>@<version> deprecated`, for the
//       direct runtime dependencies; with --all for every runtime package), with a canary that tells whether this
//       registry passes deprecation notices on at all;
//    b. the date of the latest "Review of YYYY-MM-DD" in the ADR: older than 90 days fails, so that the manual
//       review cannot silently go stale;
//    c. the direct runtime dependencies whose installed version is not the one in that review, and the review's
//       findings still marked OPEN (warnings).
//    Exit 1 when (a) finds a deprecated package or (b) fails; 0 otherwise.
//
// Plain Node, no dependencies. The whole run stays under about 2 minutes even when the network hangs.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ADR = 'docs/adr/0022-dependency-audit.md';
const REVIEW_MAX_AGE_DAYS = 90;
const REVIEW_WARN_DAYS = 14;
const AUDIT_TIMEOUT_MS = 60_000;
const LS_TIMEOUT_MS = 30_000;
const VIEW_TIMEOUT_MS = 15_000;
const VIEW_CONCURRENCY = 8;
/** After this many registry look-ups without an answer, the registry counts as unreachable: no more are started. */
const VIEW_GIVE_UP_AFTER_TIMEOUTS = 3;
/** No registry look-up starts after this many milliseconds from the start of the run. */
const LOOKUP_DEADLINE_MS = 100_000;
/** Deprecated by npm in February 2020 and never to be un-deprecated: a registry that does not report it strips notices. */
const DEPRECATION_CANARY = { name: 'request', version: '2.88.2' };
const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'];

const startedAt = Date.now();
const args = process.argv.slice(2);
const checkAll = args.includes('--all');
const todayArg = args.find((a) => a.startsWith('--today='))?.slice('--today='.length);

/** npm as the running `npm run` uses it, else the one on PATH. */
const NPM =
  process.env.npm_execpath && /\.c?js$/.test(process.env.npm_execpath)
    ? [process.execPath, process.env.npm_execpath]
    : ['npm'];

/** Runs npm with a time limit; never throws. */
function npm(npmArgs, timeoutMs) {
  return new Promise((resolve) => {
    const [command, ...prefix] = NPM;
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(command, [...prefix, ...npmArgs], {
        cwd: ROOT,
        env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      resolve({ code: null, stdout, stderr: String(error), timedOut });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => (stderr += String(error)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const log = (line = '') => console.log(line);
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

// ---------------------------------------------------------------------------------------------------------------
// 1. npm audit

/** The audit's answer, or why there is none. */
async function runAudit() {
  const run = await npm(['audit', '--omit=dev', '--json'], AUDIT_TIMEOUT_MS);
  if (run.timedOut) return { ok: false, reason: `no answer within ${seconds(AUDIT_TIMEOUT_MS)}` };
  const report = parseJson(run.stdout);
  if (report?.metadata?.vulnerabilities) return { ok: true, report };
  const message =
    report?.message ?? report?.error?.summary ?? lastNpmError(run.stderr) ?? `npm exited with ${run.code}`;
  return { ok: false, reason: String(message).split('\n')[0].trim() };
}

function lastNpmError(stderr) {
  const lines = stderr
    .split('\n')
    .map((l) => l.replace(/^npm (error|warn|ERR!)\s*/, '').trim())
    .filter((l) => l && !l.startsWith('A complete log of this run'));
  return lines[0];
}

function reportAudit(report) {
  const counts = report.metadata.vulnerabilities;
  log('== Dependency audit: npm audit --omit=dev answered');
  log(
    `   ${SEVERITIES.map((s) => `${s}: ${counts[s] ?? 0}`).join(', ')} (runtime packages: ${report.metadata.dependencies?.prod ?? '?'})`,
  );
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
    const advisories = (v.via ?? [])
      .filter((via) => typeof via === 'object')
      .map((via) => `${via.title ?? ''} ${via.url ?? ''}`.trim());
    const through = (v.via ?? []).filter((via) => typeof via === 'string');
    log(`   - ${name} (${v.severity}) ${v.range ?? ''}${through.length ? ` through ${through.join(', ')}` : ''}`);
    for (const a of advisories) log(`       ${a}`);
    if (v.fixAvailable)
      log(
        `       fix: ${typeof v.fixAvailable === 'object' ? `${v.fixAvailable.name}@${v.fixAvailable.version}` : 'npm audit fix'}`,
      );
  }
  const blocking = (counts.high ?? 0) + (counts.critical ?? 0);
  if (blocking > 0) {
    log(`FAIL: ${blocking} high or critical advisor${blocking === 1 ? 'y' : 'ies'} in the runtime dependencies.`);
    return 1;
  }
  log('OK: no high or critical advisory in the runtime dependencies.');
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Without the advisory source

/** Runtime packages from `npm ls`, else from package-lock.json. */
async function runtimePackages() {
  const run = await npm(['ls', '--omit=dev', '--all', '--json'], LS_TIMEOUT_MS);
  const tree = parseJson(run.stdout);
  if (tree?.dependencies) {
    const direct = Object.entries(tree.dependencies)
      .filter(([, d]) => d.version)
      .map(([name, d]) => ({ name, version: d.version }));
    const all = new Map();
    const walk = (deps) => {
      for (const [name, d] of Object.entries(deps ?? {})) {
        if (!d.version) continue;
        all.set(`${name}@${d.version}`, { name, version: d.version });
        walk(d.dependencies);
      }
    };
    walk(tree.dependencies);
    return { source: 'npm ls --omit=dev --all', direct, all: [...all.values()] };
  }
  const lock = parseJson(await readFile(join(ROOT, 'package-lock.json'), 'utf8').catch(() => ''));
  if (!lock?.packages)
    throw new Error(`neither npm ls nor package-lock.json lists the packages (${lastNpmError(run.stderr) ?? ''})`);
  const nameOf = (path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const runtime = Object.entries(lock.packages).filter(([path, p]) => path && !p.dev && !p.link && p.version);
  const directNames = new Set(Object.keys(lock.packages['']?.dependencies ?? {}));
  const direct = runtime.filter(([path]) => directNames.has(nameOf(path)) && path === `node_modules/${nameOf(path)}`);
  const all = new Map(
    runtime.map(([path, p]) => [`${nameOf(path)}@${p.version}`, { name: nameOf(path), version: p.version }]),
  );
  return {
    source: 'package-lock.json',
    direct: direct.map(([path, p]) => ({ name: nameOf(path), version: p.version })),
    all: [...all.values()],
  };
}

/** `npm view name@version deprecated`, with a shared give-up rule so that a hanging registry costs one wave. */
async function deprecations(packages) {
  const results = [];
  let timeouts = 0;
  let next = 0;
  const worker = async () => {
    while (next < packages.length) {
      const pkg = packages[next++];
      if (timeouts >= VIEW_GIVE_UP_AFTER_TIMEOUTS || Date.now() - startedAt > LOOKUP_DEADLINE_MS) {
        results.push({ ...pkg, state: 'skipped' });
        continue;
      }
      const run = await npm(['view', `${pkg.name}@${pkg.version}`, 'deprecated', '--json'], VIEW_TIMEOUT_MS);
      if (run.timedOut) {
        timeouts++;
        results.push({ ...pkg, state: 'no-answer' });
      } else if (run.code !== 0) {
        results.push({ ...pkg, state: 'error', detail: lastNpmError(run.stderr) });
      } else {
        const text = run.stdout.trim();
        const message = text ? parseJson(text) : undefined;
        results.push(
          typeof message === 'string' && message
            ? { ...pkg, state: 'deprecated', detail: message }
            : { ...pkg, state: 'ok' },
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(VIEW_CONCURRENCY, packages.length) }, worker));
  return results.sort((a, b) => a.name.localeCompare(b.name));
}

/** The latest "Review of YYYY-MM-DD" section of the ADR, with the packages and versions of its table. */
async function latestReview() {
  const text = await readFile(join(ROOT, ADR), 'utf8').catch(() => null);
  if (text === null) return { error: `${ADR} does not exist` };
  const headings = [...text.matchAll(/^##\s+Review of (\d{4}-\d{2}-\d{2})\s*$/gm)];
  if (headings.length === 0) return { error: `${ADR} has no section "## Review of YYYY-MM-DD"` };
  const latest = headings.reduce((a, b) => (b[1] > a[1] ? b : a));
  const start = latest.index + latest[0].length;
  const nextHeading = text.slice(start).search(/^##\s/m);
  const section = nextHeading < 0 ? text.slice(start) : text.slice(start, start + nextHeading);
  const reviewed = new Map();
  const open = [];
  for (const m of section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*`?([0-9][^|`\s]*)`?\s*\|.*$/gm)) {
    reviewed.set(m[1], m[2]);
    const verdict = m[0]
      .replace(/\|\s*$/, '')
      .split('|')
      .pop()
      .trim();
    if (/^\**OPEN\b/.test(verdict)) open.push({ name: m[1], version: m[2], verdict: verdict.replace(/\*\*/g, '') });
  }
  return { date: latest[1], reviewed, open };
}

function daysBetween(fromIso, toIso) {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

async function withoutAdvisorySource(reason) {
  let failed = false;
  log('== Dependency audit: THE ADVISORY SOURCE COULD NOT BE REACHED');
  log(`   npm audit --omit=dev: ${reason}`);
  log('   No advisory database answered, so no advisory check ran against the installed versions.');
  log(`   The published advisories of the runtime dependencies were reviewed by hand instead: see ${ADR}`);
  log('   (section "Review of <date>", and how to redo it). Running the checks that are possible without it.');
  log();

  // (b) first: it needs no network and is the one that keeps the manual review honest.
  const today = todayArg ?? new Date().toISOString().slice(0, 10);
  const review = await latestReview();
  log(`-- Manual review (${ADR})`);
  if (review.error) {
    log(`FAIL: ${review.error}. Without the advisory source, the manual review is the only check of advisories.`);
    failed = true;
  } else {
    const age = daysBetween(review.date, today);
    if (age < 0) {
      log(`FAIL: the latest review is dated ${review.date}, after today (${today}).`);
      failed = true;
    } else if (age > REVIEW_MAX_AGE_DAYS) {
      log(
        `FAIL: the latest review is from ${review.date}, ${age} days ago; while the advisory source cannot be reached`,
      );
      log(`      it must be redone at least every ${REVIEW_MAX_AGE_DAYS} days. Redo it as ${ADR} describes and add`);
      log(`      a section "## Review of ${today}".`);
      failed = true;
    } else {
      const left = REVIEW_MAX_AGE_DAYS - age;
      log(
        `OK: latest review ${review.date}, ${age} day${age === 1 ? '' : 's'} ago (${left} left of ${REVIEW_MAX_AGE_DAYS}).`,
      );
      if (left <= REVIEW_WARN_DAYS) log(`WARNING: the review must be redone within ${left} days.`);
    }
  }
  log();

  let packages;
  try {
    packages = await runtimePackages();
  } catch (error) {
    log(`FAIL: the runtime dependencies could not be listed: ${error.message}`);
    return 1;
  }

  if (review.open?.length > 0) {
    log(
      `WARNING: the review leaves ${review.open.length} finding${review.open.length === 1 ? '' : 's'} open (affected, no fixed version reachable yet):`,
    );
    for (const o of review.open)
      log(`   - ${o.name}@${o.version}: ${o.verdict.length > 200 ? `${o.verdict.slice(0, 199)}…` : o.verdict}`);
    log();
  }

  if (review.reviewed) {
    const unreviewed = packages.direct.filter((p) => review.reviewed.get(p.name) !== p.version);
    if (unreviewed.length > 0) {
      log(
        `WARNING: ${unreviewed.length} direct runtime dependenc${unreviewed.length === 1 ? 'y is' : 'ies are'} not in the review at the installed version:`,
      );
      for (const p of unreviewed) {
        const was = review.reviewed.get(p.name);
        log(`   - ${p.name}@${p.version} (${was ? `reviewed at ${was}` : 'not reviewed'})`);
      }
      log(`   Review their advisories and update the table in ${ADR}.`);
      log();
    }
  }

  // (a) Deprecated packages.
  const asked = checkAll ? packages.all : packages.direct;
  const what = checkAll ? 'runtime packages (direct and transitive)' : 'direct runtime dependencies';
  log(`-- Deprecation notices: ${asked.length} ${what}, from ${packages.source}`);
  if (!checkAll)
    log(
      `   (${packages.all.length - packages.direct.length} transitive runtime packages are not asked; --all asks them too)`,
    );
  const [canary, results] = await Promise.all([deprecations([DEPRECATION_CANARY]), deprecations(asked)]);
  const deprecated = results.filter((r) => r.state === 'deprecated');
  const unanswered = results.filter((r) => r.state !== 'ok' && r.state !== 'deprecated');
  for (const r of deprecated) log(`FAIL: ${r.name}@${r.version} is deprecated: ${r.detail}`);
  if (deprecated.length > 0) failed = true;
  if (unanswered.length > 0) {
    log(`WARNING: the registry gave no answer for ${unanswered.length} of ${asked.length}; these were not checked:`);
    log(
      `   ${unanswered.map((r) => `${r.name}@${r.version}${r.state === 'error' && r.detail ? ` (${r.detail})` : r.state === 'skipped' ? ' (skipped)' : ''}`).join(', ')}`,
    );
  }
  if (canary[0].state !== 'deprecated') {
    const c = `${DEPRECATION_CANARY.name}@${DEPRECATION_CANARY.version}`;
    log(
      canary[0].state === 'ok'
        ? `WARNING: this registry does not report the deprecation of ${c} (deprecated by npm since 2020): it does not pass deprecation notices on, so "not deprecated" below proves nothing.`
        : `WARNING: the deprecation canary ${c} got no answer; "not deprecated" below may prove nothing.`,
    );
  }
  const answered = asked.length - unanswered.length;
  if (answered === 0) log('WARNING: no deprecation notice could be checked.');
  else if (deprecated.length === 0) log(`OK: none of the ${answered} answered is marked deprecated.`);
  log();
  log(
    failed
      ? 'Dependency audit: FAILED (see FAIL above).'
      : 'Dependency audit: passed the checks possible without the advisory source.',
  );
  return failed ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------

const audit = await runAudit();
const code = audit.ok ? reportAudit(audit.report) : await withoutAdvisorySource(audit.reason);
log(`(${seconds(Date.now() - startedAt)})`);
process.exit(code);
