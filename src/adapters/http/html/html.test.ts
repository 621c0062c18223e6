import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, jsonBlock, raw } from './html.js';

test('interpolated text is escaped, nested templates and raw markup are not', () => {
  const name = '<script>alert("x")</script> & \'zo\'';
  const item = html`<li>${name}</li>`;
  assert.equal(
    html`<ul>${[item, raw('<li>vast</li>')]}</ul>`.value,
    '<ul><li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;zo&#39;</li><li>vast</li></ul>',
  );
});

test('null, undefined and false render nothing; numbers render as text', () => {
  assert.equal(html`${null}${undefined}${false}${0}${12.5}`.value, '012.5');
});

test('a JSON block for scripts cannot be closed or broken out of by its data, and reads back the same', () => {
  const value = { text: '</script><script>alert(1)</script> & "quotes" <!-- ', n: 3 };
  const block = String(jsonBlock('texts-test', value));
  assert.equal(block.match(/<\/script>/g)?.length, 1, 'only the block itself ends with </script>');
  assert.ok(!block.includes('<!--'));
  const inner = /^<script type="application\/json" id="texts-test">(.*)<\/script>$/s.exec(block)?.[1];
  assert.deepEqual(JSON.parse(inner!), value);
});
