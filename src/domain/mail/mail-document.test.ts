import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blocksOf, composeMailDocument } from './mail-document.js';
import { checkFields, dutchDate } from './mail-fields.js';
import { checkTemplate, fillPlaceholders } from './mail-template.js';

test('placeholders are filled; a line whose fields are all empty goes, so no half sentence is left', () => {
  const values = {
    datum: 'dinsdag 12 mei 2026',
    tijd: '',
    straat: 'Damstraat',
    plaats: '',
    omschrijving: 'Inbraak.',
    contact: '',
  };
  assert.equal(
    fillPlaceholders('In de {straat} op {datum}.\nContact: {contact}\nTijd: {tijd} of {datum}', values),
    'In de Damstraat op dinsdag 12 mei 2026.\nTijd:  of dinsdag 12 mei 2026',
  );
  assert.equal(fillPlaceholders('{onbekend} blijft', values), '{onbekend} blijft');
});

test('blank lines make paragraphs, lines with "- " a list', () => {
  assert.deepEqual(blocksOf('Eerste regel\ntweede regel\n\n- een\n- twee\n\n\n  \nSlot'), [
    { kind: 'paragraph', lines: ['Eerste regel', 'tweede regel'] },
    { kind: 'list', items: ['een', 'twee'] },
    { kind: 'paragraph', lines: ['Slot'] },
  ]);
});

test('a mail document: the subject on one line, dates written out in Dutch, the answer invitation only for a buurtonderzoek', () => {
  const doc = composeMailDocument({
    kind: 'buurtonderzoek',
    subject: 'Gezien in de\n{straat}?',
    body: 'Op {datum} om {tijd}.',
    fields: { datum: '2026-05-12', tijd: '21:30', straat: 'Damstraat' },
    senderName: 'Gemeente Amsterdam',
    answerDays: 14,
  });
  assert.equal(doc.subject, 'Gezien in de Damstraat?');
  assert.deepEqual(doc.blocks, [{ kind: 'paragraph', lines: ['Op dinsdag 12 mei 2026 om 21:30 uur.'] }]);
  assert.equal(doc.asksForAnswers, true);
  assert.equal(
    composeMailDocument({ kind: 'nieuwsbrief', subject: 'x', body: 'y', fields: {}, senderName: 's', answerDays: 1 })
      .asksForAnswers,
    false,
  );
  assert.equal(dutchDate('2026-02-30'), '2026-02-30');
});

test('templates may use only the known fields; subjects are one line', () => {
  assert.equal(checkTemplate({ name: 'n', subject: 'Over {straat}', body: '{omschrijving}' }), null);
  assert.deepEqual(checkTemplate({ name: 'n', subject: 'x', body: 'Hallo {naam}' }), {
    kind: 'unknown-placeholder',
    placeholder: 'naam',
  });
  assert.deepEqual(checkTemplate({ name: 'n', subject: 'a\nb', body: 'x' }), { kind: 'subject-lines' });
  assert.deepEqual(checkTemplate({ name: 'n', subject: ' ', body: 'x' }), { kind: 'empty', part: 'subject' });
});

test('field values: required per kind when complete, real dates and times, no control characters', () => {
  assert.deepEqual(checkFields('buurtonderzoek', { straat: 'Damstraat' }, true), {
    datum: 'required',
    omschrijving: 'required',
  });
  assert.deepEqual(checkFields('buurtonderzoek', { straat: 'Damstraat' }, false), {});
  assert.deepEqual(
    checkFields(
      'uitnodiging',
      { datum: '2026-13-01', tijd: '25:00', plaats: 'Zaal\u0007', omschrijving: 'Regel 1\nRegel 2', contact: 'x' },
      false,
    ),
    {
      datum: 'invalid-date',
      tijd: 'invalid-time',
      plaats: 'control-characters',
    },
  );
  assert.deepEqual(checkFields('preventietips', { straat: 'Damstraat' }, false), { straat: 'not-for-kind' });
  assert.deepEqual(checkFields('nieuwsbrief', { omschrijving: 'x'.repeat(2_001) }, false), {
    omschrijving: 'too-long',
  });
});
