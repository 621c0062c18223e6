import assert from 'node:assert/strict';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

const HEADER = 'naam;postcode;huisnummer;toevoeging;telefoon;kanaal;e-mail;tijden';
const row = (i: number, name = `Deelnemer ${i}`) =>
  `${name};1012AB;${1 + (i % 400)};;06${String(55_000_000 + i)};sms;;`;
const csv = (rows: number, name?: (i: number) => string) =>
  [HEADER, ...Array.from({ length: rows }, (_, i) => row(i, name?.(i)))].join('\n');
/** A file the reader refuses as a whole (422): it shows whether an import could start, and never stores a row. */
const NO_COLUMNS = 'naam;adres\nA;B\n';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/**
 * Relatiebeheer's CSV imports are bounded: rows and bytes per file (413), and imports running at once per
 * account and over all (429), each refusal in Dutch, audited, and storing nothing. An upload holds its place
 * from the moment it starts to stream, so a held-open upload is an import that is running.
 */
describe('limits on relatiebeheer CSV imports, over HTTP', () => {
  let t: TestSystem;
  const tokens: Record<string, string> = {};
  const post = async (token: string, body: string, dryRun = false): Promise<Answer> => {
    const response = await fetch(`${t.url}/api/v1/relatiebeheer/imports${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body,
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  /** An upload whose header row is sent now and the rest when `finish` is called. */
  const holdOpen = (token: string) => {
    const url = new URL('/api/v1/relatiebeheer/imports?dryRun=true', t.url);
    let request: ClientRequest;
    const answer = new Promise<number>((resolve, reject) => {
      request = httpRequest(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    request!.write(`${HEADER}\n${row(1)}\n`);
    return { finish: () => (request.end(`${row(2)}\n`), answer) };
  };
  const count = async (sql: string) => (await t.system.database.query<{ n: number }>(sql))[0]!.n;
  const refusals = (reason: string) =>
    count(
      `select count(*)::int as n from audit_log where event = 'relatiebeheer.import-refused' and details->>'reason' = '${reason}'`,
    );
  const stored = () => count(`select count(*)::int as n from registrations where msisdn like '+3165%'`);

  before(async () => {
    t = await startTestSystem({
      IMPORT_MAX_ROWS: '1000',
      IMPORT_MAX_MEGABYTES: '1',
      IMPORT_RUNNING_PER_ACCOUNT: '1',
      IMPORT_RUNNING_MAX: '2',
    });
    for (const name of ['amsterdam', 'tweede', 'derde']) tokens[name] = await t.staffToken('gemeente', 'GM0363');
  });
  after(() => t.stop());

  test('a file of more rows than allowed is refused whole (413), in Dutch, audited, nothing stored', async () => {
    const refused = await post(tokens.amsterdam!, csv(1001));
    assert.equal(refused.status, 413, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'relatiebeheer.import-too-large');
    assert.equal(refused.body.title, 'Het importbestand is te groot');
    assert.equal(
      refused.body.detail,
      'Een importbestand mag hoogstens 1.000 regels hebben. Splits het bestand en importeer de delen na elkaar; er is niets opgeslagen.',
    );
    assert.deepEqual([refused.body.limit, refused.body.max], ['rows', 1000]);
    assert.equal(await refusals('too-many-rows'), 1);
    assert.equal(await stored(), 0);
  });

  test('a file of more bytes than allowed is refused (413), in Dutch, audited, nothing stored', async () => {
    const refused = await post(
      tokens.amsterdam!,
      csv(600, (i) => `Deelnemer ${i} ${'x'.repeat(2_000)}`),
    );
    assert.equal(refused.status, 413, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'relatiebeheer.import-too-large');
    assert.match(String(refused.body.detail), /^Een importbestand mag hoogstens 1 MB zijn\./);
    assert.equal(refused.body.limit, 'bytes');
    assert.equal(await refusals('too-many-bytes'), 1);
    assert.equal(await stored(), 0);
  });

  test('one import at a time per account, and two over all: more are refused (429), audited, nothing stored', async () => {
    const first = holdOpen(tokens.amsterdam!);
    const busy = await eventually(async () => {
      const answer = await post(tokens.amsterdam!, NO_COLUMNS);
      assert.equal(answer.status, 429, JSON.stringify(answer.body));
      return answer;
    });
    assert.equal(busy.body.code, 'relatiebeheer.import-busy');
    assert.equal(busy.body.title, 'Er lopen al te veel imports');
    assert.equal(
      busy.body.detail,
      'Er loopt al een import van u. Wacht tot die klaar is en probeer het dan opnieuw; er is niets opgeslagen.',
    );
    assert.deepEqual([busy.body.scope, busy.body.limit], ['account', 1]);
    assert.equal(busy.headers.get('retry-after'), '60');
    assert.equal((await post(tokens.amsterdam!, csv(5))).status, 429, 'a good file too');

    // Another account may still import; with two running, a third account is refused too.
    const second = holdOpen(tokens.tweede!);
    const full = await eventually(async () => {
      const answer = await post(tokens.derde!, NO_COLUMNS);
      assert.equal(answer.status, 429, JSON.stringify(answer.body));
      return answer;
    });
    assert.deepEqual([full.body.scope, full.body.limit], ['system', 2]);
    assert.match(String(full.body.detail), /^Er lopen nu 2 imports tegelijk/);
    assert.ok((await refusals('busy-account')) >= 2);
    assert.ok((await refusals('busy-system')) >= 1);
    assert.equal(await stored(), 0, 'no refused import stored anything');

    // The held uploads finish and run; their places are free again after.
    assert.equal(await first.finish(), 202);
    assert.equal(await second.finish(), 202);
    await eventually(async () => assert.equal((await post(tokens.derde!, NO_COLUMNS)).status, 422));
    await eventually(async () => assert.equal((await post(tokens.amsterdam!, NO_COLUMNS)).status, 422));
    const real = await post(tokens.amsterdam!, csv(5));
    assert.equal(real.status, 202, JSON.stringify(real.body));
    await eventually(async () => assert.equal(await stored(), 5));
  });
});
