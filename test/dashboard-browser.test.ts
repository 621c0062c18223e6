import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDashboardHistory } from '../src/adapters/seed/dashboard-history.js';
import { seedParticipants } from '../src/adapters/seed/seed-participants.js';
import {
  assertAccessible,
  launchBrowser,
  newDesktopContext,
  newPhoneContext,
  saveScreenshot,
} from './support/browser.js';
import { createStaffLogin, type StaffLogin, logInInBrowser } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** One gemeente's dashboard in a real Chromium: charts, the map, a CSV download, accessibility. */
describe('the dashboard in the browser', () => {
  let t: TestSystem;
  let browser: Browser;
  let base: string;
  let gemeente: StaffLogin;
  let gemeenteBeheer: StaffLogin;
  let gemeenteCharts: StaffLogin;
  let gemeenteNarrow: StaffLogin;
  let gemeenteMap: StaffLogin;

  before(async () => {
    t = await startTestSystem({ WEBAUTHN_RP_ID: 'localhost' });
    base = t.url.replace('//127.0.0.1:', '//localhost:');
    const { gemeenten, pc4Centroids } = t.system.geodata;
    // 32,000 participants spread by population (Amsterdam gets over a thousand: a figure with a thousands
    // separator) and a year of history.
    await seedParticipants(t.system.database, { count: 32_000, seed: 7, gemeenten, pc4Centroids, at: new Date() });
    await seedDashboardHistory(t.system.database, {
      gemeenten,
      now: new Date(),
      months: 12,
      actionsPerMonth: 200,
      seed: 7,
      redateParticipants: true,
    });
    gemeente = await createStaffLogin(t, 'gemeente', 'GM0363');
    // A second account: a TOTP code counts once per account, and both tests log in within one 30-second step.
    gemeenteBeheer = await createStaffLogin(t, 'gemeente-beheer', 'GM0363');
    gemeenteCharts = await createStaffLogin(t, 'gemeente', 'GM0363');
    gemeenteNarrow = await createStaffLogin(t, 'gemeente', 'GM0363');
    gemeenteMap = await createStaffLogin(t, 'gemeente', 'GM0363');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function logIn(page: Page, login: StaffLogin): Promise<void> {
    await logInInBrowser(page, base, login, t.clock.now());
  }

  const cellsOf = (page: Page, id: string) =>
    page.$$eval(`table[data-table="${id}"] tr`, (rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );

  test("a gemeente user's dashboard shows its charts and the map, passes axe, and a table's CSV matches the table", async () => {
    const context = await newDesktopContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, gemeente);
    await page.goto(`${base}/plein/dashboard`);
    assert.equal(
      new URL(page.url()).pathname,
      '/plein/dashboard/GM0363',
      'a gemeente user lands on their own dashboard',
    );
    assert.equal(await page.textContent('h1'), 'Dashboard Amsterdam');

    // Charts drawn on the server, each with its table.
    for (const chart of ['kanalen', 'verloop', 'acties-gemeente', 'acties-national', 'succes', 'vergelijking']) {
      assert.equal(await page.locator(`#grafiek-${chart} svg[role=img]`).count(), 1, `chart ${chart}`);
    }
    assert.ok(
      (await page.locator('#grafiek-acties-gemeente rect').count()) > 5,
      'the gemeente had actions, drawn as columns',
    );
    assert.ok((await page.locator('#grafiek-verloop path.marker').count()) > 0, 'actions are marked on the trend');
    // The map: every gemeente's shape, coloured, with a legend.
    await page.waitForSelector('#deelname-kaart[data-drawn="true"]', { timeout: 30_000 });
    assert.ok((await page.locator('#deelname-kaart path.leaflet-interactive').count()) >= 342);
    assert.ok((await page.locator('#kaart-legenda li').count()) >= 4, 'classes and "minder dan 10" in the legend');
    await assertAccessible(page, 'the gemeente dashboard');
    await saveScreenshot(page, 'dashboard-1-gemeente-amsterdam');

    // The participants table's CSV: the same cells as the table on the page.
    const table = await cellsOf(page, 'deelnemers');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-csv="deelnemers"]')]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const rows = csv
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(';').map((c) => c.replace(/^"|"$/g, '')));
    assert.deepEqual(rows, table);
    assert.ok(rows.length >= 5 && rows[1]![0] === 'Deelnemers');

    // The trend table (opened from its chart) downloads the same way, for the chosen period.
    await page.click('#grafiek-verloop ~ details summary');
    const trend = await cellsOf(page, 'verloop');
    const [trendDownload] = await Promise.all([page.waitForEvent('download'), page.click('a[data-csv="verloop"]')]);
    const trendCsv = (await readFile(await trendDownload.path(), 'utf8')).replace(/^\uFEFF/, '');
    assert.deepEqual(
      trendCsv
        .trim()
        .split(/\r?\n/)
        .map((line) => line.split(';').map((c) => c.replace(/^"|"$/g, ''))),
      trend,
    );

    // Another gemeente's detail is refused; its figures are on the map and in the ranking only.
    const other = await page.goto(`${base}/plein/dashboard/GM0344`);
    assert.equal(other?.status(), 403);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a phone the dashboard stays readable and accessible', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await logIn(page, gemeenteBeheer);
    await page.goto(`${base}/plein/dashboard/GM0363`);
    await page.waitForSelector('#deelname-kaart[data-drawn="true"]', { timeout: 30_000 });
    await assertAccessible(page, 'the dashboard on a phone');
    await saveScreenshot(page, 'dashboard-2-telefoon');
    await context.close();
  });

  test('the charts are readable at any width: labels apart, suppressed periods as gaps, 3:1 colours, one number format', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1366, height: 768 }],
      ['narrow', { width: 320, height: 640 }],
    ] as const) {
      const context =
        name === 'desktop' ? await newDesktopContext(browser) : await newPhoneContext(browser, { viewport });
      const page = await context.newPage();
      await logIn(page, name === 'desktop' ? gemeenteCharts : gemeenteNarrow);
      await page.goto(`${base}/plein/dashboard/GM0363`);
      await assertChartsReadable(page, name);
      await saveScreenshot(page, `dashboard-3-grafieken-${name}`);
      await context.close();
    }
  });

  test("the map's classes stand apart: each 3:1 against the page and its borders, neighbours by texture, as in the legend", async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    await logIn(page, gemeenteMap);
    await page.goto(`${base}/plein/dashboard/GM0363`);
    await page.waitForSelector('#deelname-kaart[data-drawn="true"]', { timeout: 30_000 });
    // Each fill as the browser paints it: a colour, or a pattern's ground colour and the shapes drawn on it.
    const paint = await page.evaluate(`(() => {
      const view = window;
      const describe = (fill) => {
        const id = /url\\("?#([^")]+)"?\\)/.exec(fill);
        if (id === null) return { ground: fill, texture: 'plain' };
        const pattern = document.getElementById(id[1]);
        if (pattern === null) return { ground: 'missing ' + id[1], texture: 'missing' };
        const [ground, ...marks] = [...pattern.children];
        return {
          ground: view.getComputedStyle(ground).fill,
          texture: (pattern.getAttribute('patternTransform') ?? '') + marks.map((m) => m.tagName).join('+'),
          marks: marks.map((m) => m.tagName === 'line' ? view.getComputedStyle(m).stroke : view.getComputedStyle(m).fill),
        };
      };
      const map = document.getElementById('deelname-kaart');
      const shapes = [...map.querySelectorAll('path.leaflet-interactive')].map((p) => {
        const style = view.getComputedStyle(p);
        return { fill: style.fill, stroke: style.stroke, strokeWidth: parseFloat(style.strokeWidth) };
      });
      return {
        background: view.getComputedStyle(map).backgroundColor,
        fills: [...new Set(shapes.map((s) => s.fill))],
        borders: [...new Set(shapes.filter((s) => s.strokeWidth < 2).map((s) => s.stroke))],
        legend: [...document.querySelectorAll('#kaart-legenda li .swatch rect')].map((r) => {
          const fill = view.getComputedStyle(r).fill;
          return { fill, ...describe(fill) };
        }),
      };
    })()`);
    const { background, fills, borders, legend } = paint as {
      background: string;
      fills: string[];
      borders: string[];
      legend: { fill: string; ground: string; texture: string; marks?: string[] }[];
    };
    const classes = legend.slice(0, -1);
    const suppressed = legend[legend.length - 1]!;
    assert.ok(classes.length >= 4, `classes in the legend: ${JSON.stringify(legend)}`);
    for (const fill of fills)
      assert.ok(
        legend.some((l) => l.fill === fill),
        `${fill} on the map is in the legend ${JSON.stringify(legend)}`,
      );
    for (const [k, c] of classes.entries()) {
      assert.ok(contrast(c.ground, background) >= 3, `class ${k} ${c.ground} has 3:1 against the page ${background}`);
      for (const border of borders)
        assert.ok(contrast(c.ground, border) >= 3, `class ${k} ${c.ground} has 3:1 against the borders ${border}`);
      for (const mark of c.marks ?? [])
        assert.ok(contrast(c.ground, mark) >= 3, `class ${k}: its texture ${mark} shows on ${c.ground}`);
      const next = classes[k + 1];
      if (next !== undefined)
        assert.ok(
          contrast(c.ground, next.ground) >= 3 || c.texture !== next.texture,
          `classes ${k} and ${k + 1} stand apart: ${JSON.stringify([c, next])}`,
        );
    }
    assert.ok(
      classes.every((c) => c.texture !== suppressed.texture || contrast(c.ground, suppressed.ground) >= 3),
      `"minder dan 10" looks like no class: ${JSON.stringify(legend)}`,
    );
    for (const mark of suppressed.marks ?? [])
      assert.ok(contrast(mark, background) >= 3, `the hatching of "minder dan 10" shows on the page: ${mark}`);
    await saveScreenshot(page, 'dashboard-4-kaart-klassen');
    await context.close();
  });

  /** Box of an element on the page, as the browser laid it out. */
  interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  }
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  /** WCAG 2's contrast ratio between two colours as getComputedStyle gives them ("rgb(0, 114, 178)"). */
  function contrast(a: string, b: string): number {
    const luminance = (colour: string) => {
      const [r, g, bl] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  }

  async function assertChartsReadable(page: Page, where: string): Promise<void> {
    // Axis labels: none overlaps another, none is cut off by its chart.
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => ({
        id: f.id,
        svg: f.querySelector('svg')!.getBoundingClientRect().toJSON() as Box,
        labels: [...f.querySelectorAll('text.x-tick')].map((e) => e.getBoundingClientRect().toJSON() as Box),
      })),
    );
    // Only the labels shown at this width (the other set is not displayed).
    const withAxis = charts
      .map((c) => ({ ...c, labels: c.labels.filter((l) => l.width > 0 && l.height > 0) }))
      .filter((c) => c.labels.length > 0);
    assert.ok(withAxis.length >= 3, `${where}: the trend and the actions per month have labelled axes`);
    for (const chart of withAxis) {
      assert.ok(chart.labels.length >= 3, `${where} ${chart.id}: labels are thinned out, not dropped`);
      chart.labels.forEach((a, i) =>
        chart.labels.slice(i + 1).forEach((b, j) => {
          assert.ok(!overlap(a, b), `${where} ${chart.id}: labels ${i} and ${i + j + 1} overlap`);
        }),
      );
      for (const label of chart.labels) {
        assert.ok(
          label.x >= chart.svg.x - 0.5 &&
            label.x + label.width <= chart.svg.x + chart.svg.width + 0.5 &&
            label.y + label.height <= chart.svg.y + chart.svg.height + 0.5,
          `${where} ${chart.id}: a label reaches outside the chart: ${JSON.stringify([label, chart.svg])}`,
        );
      }
    }

    // Suppressed periods ("< 10" in the table) are gaps: no point drawn, no line through them; the legend says so.
    const trend = (await cellsOf(page, 'verloop')).slice(1);
    const shown = [1, 2].map((column) => trend.filter((row) => row[column] !== '< 10').length);
    const suppressed = trend.flatMap((row, i) =>
      [0, 1].filter((k) => row[1 + k] === '< 10').map((k) => ({ series: k, index: i })),
    );
    assert.ok(suppressed.length > 0, 'the data set has suppressed periods');
    const drawn = await page.$$eval('#grafiek-verloop svg[role=img] [data-series]', (marks) =>
      marks.map((m) => ({
        series: Number(m.getAttribute('data-series')),
        index: m.hasAttribute('data-index') ? Number(m.getAttribute('data-index')) : null,
        from: Number(m.getAttribute('data-from')),
        to: Number(m.getAttribute('data-to')),
      })),
    );
    for (const s of suppressed) {
      assert.ok(
        !drawn.some(
          (d) =>
            d.series === s.series && (d.index === null ? d.from <= s.index && s.index <= d.to : d.index === s.index),
        ),
        `period ${s.index} of series ${s.series} is suppressed but drawn`,
      );
    }
    // Every point on the chart stands for a shown value: circles for "aangemeld", squares for "afgemeld".
    assert.equal(await page.locator('#grafiek-verloop svg[role=img] circle').count(), shown[0]);
    assert.equal(await page.locator('#grafiek-verloop svg[role=img] rect[width="6"][height="6"]').count(), shown[1]);
    assert.match(
      (await page.textContent('#grafiek-verloop .chart-legend')) ?? '',
      /onderbroken lijn: minder dan 10 \(niet getoond\)/,
    );

    // Colours: every mark 3:1 against the page; stacked segments split by a line of the page's colour; the two
    // lines and the two kinds of bars 3:1 apart.
    const paint = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const view = f.ownerDocument.defaultView!;
        let background = view.getComputedStyle(f).backgroundColor;
        for (
          let e = f.parentElement;
          e !== null && /rgba\(0, 0, 0, 0\)|transparent/.test(background);
          e = e.parentElement
        )
          background = view.getComputedStyle(e).backgroundColor;
        const marks = [
          ...f.querySelectorAll('svg[role=img] rect:not(.band), svg[role=img] circle, svg[role=img] polyline'),
        ]
          .filter((e) => e.closest('defs') === null)
          .map((e) => {
            const style = view.getComputedStyle(e);
            return {
              tag: e.tagName,
              kind: e.getAttribute('class') ?? '',
              colour: e.tagName === 'polyline' ? style.stroke : style.fill,
              stroke: style.stroke,
              strokeWidth: parseFloat(style.strokeWidth),
            };
          });
        return { id: f.id, background, marks };
      }),
    );
    let checked = 0;
    for (const chart of paint) {
      for (const mark of chart.marks) {
        checked++;
        assert.ok(
          contrast(mark.colour, chart.background) >= 3,
          `${chart.id}: ${mark.colour} has ${contrast(mark.colour, chart.background).toFixed(2)}:1 against ${chart.background}`,
        );
      }
      const segments = chart.marks.filter((m) => m.tag === 'rect' && chart.id.startsWith('grafiek-acties'));
      for (const s of segments) {
        assert.equal(s.stroke, chart.background, `${chart.id}: segments are split by the page's colour`);
        assert.ok(s.strokeWidth >= 1.5, `${chart.id}: the split is wide enough to see`);
      }
      const colours = [
        ...new Set(
          chart.marks.filter((m) => m.tag !== 'rect' || !chart.id.startsWith('grafiek-acties')).map((m) => m.colour),
        ),
      ];
      if (chart.id === 'grafiek-verloop' || chart.id === 'grafiek-succes' || chart.id === 'grafiek-vergelijking') {
        const [first = '', second = ''] = colours;
        assert.equal(colours.length, 2, `${chart.id}: two kinds of marks`);
        assert.ok(contrast(first, second) >= 3, `${chart.id}: the two series are 3:1 apart`);
      }
    }
    assert.ok(checked > 20, 'marks were checked');

    // One number format on the page: cards, totals, charts and tables alike ("1.234", "12,5", "11,2%").
    const participants = await cellsOf(page, 'deelnemers');
    const row = (label: string) => participants.find((r) => r[0] === label)?.[1];
    assert.match(row('Deelnemers') ?? '', /^\d\.\d{3}$/, 'over a thousand participants: grouped');
    assert.equal(await page.textContent('[data-figure="participants"]'), row('Deelnemers'));
    assert.equal(await page.textContent('[data-figure="per-thousand"]'), row('Per 1.000 inwoners'));
    const figures = await page.$$eval(
      'table td, .figure, [data-figure], figure.chart .bar-value, figure.chart .tick',
      (cells) => cells.map((c) => (c.textContent ?? '').trim()),
    );
    const numeric = figures.filter((f) => /^[\d.,%\s-]+$/.test(f) && /\d/.test(f));
    assert.ok(numeric.length > 50, 'figures were checked');
    for (const f of numeric)
      assert.match(f, /^-?\d{1,3}(\.\d{3})*(,\d+)?%?$/, `${where}: "${f}" is not in the one format`);
    const percentages = figures.filter((f) => f.includes('%'));
    assert.ok(percentages.length > 0);
    for (const p of percentages) assert.match(p, /^\d{1,3}(,\d)?%$/);
  }
});
