import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unfilledTemplateFields } from './template-fields.js';

test('the unfilled fields of a template are found, each once; a filled text has none', () => {
  assert.deepEqual(unfilledTemplateFields('Vermist: [naam] ([leeftijd]), [kleding]. Gezien? Bel [naam].'), [
    '[naam]',
    '[leeftijd]',
    '[kleding]',
  ]);
  assert.deepEqual(unfilledTemplateFields('Vermist: Daan (7), rode jas. Gezien? Bel 0800-0011.'), []);
  assert.deepEqual(unfilledTemplateFields(null), []);
  assert.deepEqual(
    unfilledTemplateFields('Een lege [] of een regel\n[niet\nafgesloten'),
    [],
    'no field without a name, none across lines',
  );
});
