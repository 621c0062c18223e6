import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { nl } from '../../../domain/messages/nl.js';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import { exportCsvLines, readParticipantCsv } from './participant-csv.js';

const read = (text: string, maxRows = 100) =>
  readParticipantCsv(Readable.from([Buffer.from(text)]), {
    phoneCountries: ['NL', 'BE', 'DE'],
    maxRows,
    texts: nl.selfService.relatiebeheer.csv,
  });

test('a spreadsheet file with a byte-order mark, commas and other column names is read', async () => {
  const outcome = await read(
    '\uFEFFNaam,Postcode,Huisnr,Toev,Telefoonnummer,Kanaal,Email,Tijden\r\n"de Vries, Jan",1012 ab,3,-a,06 1234 5678,SPRAAK,JAN@example.nl,"ma-vr 08:30-17:30"\r\n',
  );
  assert.ok(outcome.ok);
  const [row] = outcome.rows;
  assert.ok(row && 'row' in row, JSON.stringify(row));
  assert.equal(row.line, 2);
  assert.equal(row.row.name, 'de Vries, Jan');
  assert.deepEqual(row.row.address, { postcode: '1012AB', houseNumber: 3, houseNumberAddition: 'A' });
  assert.equal(row.row.channel, 'voice');
  assert.equal(row.row.email, 'jan@example.nl');
  assert.equal(row.row.timeWindows.length, 5);
});

test('each bad field is named with its problem; missing columns or too many rows refuse the file', async () => {
  const outcome = await read('naam;postcode;huisnummer;telefoon;tijden\n;9999;0;12;ma 25:00-26:00\n');
  assert.ok(outcome.ok);
  const [row] = outcome.rows;
  assert.ok(row && 'problems' in row);
  assert.deepEqual(
    row.problems.map((p) => p.column),
    ['naam', 'postcode', 'huisnummer', 'telefoon', 'tijden'],
  );
  const missing = await read('naam;adres\nA;B\n');
  assert.deepEqual(missing, {
    ok: false,
    problem: nl.selfService.relatiebeheer.csv.missingColumns('postcode, huisnummer, telefoon'),
  });
  const tooMany = await read('naam;postcode;huisnummer;telefoon\nA;1012AB;1;0612345678\nB;1012AB;2;0612345679\n', 1);
  assert.equal(tooMany.ok, false);
});

test('an export cell never starts a formula, but a phone number stays a phone number', () => {
  const line = exportCsvLines([
    {
      participantId: 'p',
      name: '=HYPERLINK("x")',
      email: null,
      emailConfirmed: false,
      registration: {
        id: 'r',
        participantId: 'p',
        msisdn: asMsisdn('+31612345678'),
        channel: 'sms',
        address: { postcode: '1012AB', houseNumber: 1, houseNumberAddition: null },
        street: null,
        city: 'Amsterdam',
        location: { lat: 0, lon: 0 },
        gemeenteCode: 'GM0363',
        timeWindows: [],
        createdAt: new Date(),
      },
    },
  ]);
  assert.equal(line, `"'=HYPERLINK(""x"")";1012AB;1;;+31612345678;sms;;altijd;nee;Amsterdam;GM0363\r\n`);
});
