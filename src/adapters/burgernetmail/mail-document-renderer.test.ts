import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { composeMailDocument } from '../../domain/mail/mail-document.js';
import { mailNl } from '../../domain/messages/mail-nl.js';
import { createMailDocumentRenderer } from './mail-document-renderer.js';

const renderer = createMailDocumentRenderer(mailNl);
const links = {
  unsubscribeUrl: 'https://burgernet.test/burgernetmail/afmelden?t=abc',
  answerUrl: 'https://burgernet.test/burgernetmail/antwoord?t=def',
};

test('whatever a sender types, no markup of theirs reaches the HTML part; the text part carries it as typed', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.string({ maxLength: 80 }), (description, street) => {
      const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
      const doc = composeMailDocument({
        kind: 'buurtonderzoek',
        subject: 'In de {straat}',
        body: '{omschrijving}',
        fields: { omschrijving: clean(description), straat: clean(street).replace(/\n/g, ' ') },
        senderName: 'Gemeente <Test>',
        answerDays: 14,
      });
      const mail = renderer.prepare(doc)(links);
      const body = mail.html.slice(mail.html.indexOf('<body'));
      const tags = body.match(/<\/?([a-z0-9]+)/g) ?? [];
      const allowed = new Set([
        '<body',
        '</body',
        '<div',
        '</div',
        '<p',
        '</p',
        '<h1',
        '</h1',
        '<h2',
        '</h2',
        '<ul',
        '</ul',
        '<li',
        '</li',
        '<br',
        '<a',
        '</a',
        '<hr',
        '</html',
      ]);
      assert.deepEqual(
        tags.filter((tag) => !allowed.has(tag)),
        [],
      );
      assert.ok(!/<(script|img|iframe|style)/i.test(mail.html));
      assert.ok(mail.html.includes('Gemeente &lt;Test&gt;'));
    }),
    { numRuns: 300 },
  );
});

test('both parts have the same content and each recipient its own links; no images', () => {
  const doc = composeMailDocument({
    kind: 'buurtonderzoek',
    subject: 'Gezien?',
    body: 'Eerste alinea.\n\n- punt een\n- punt twee',
    fields: {},
    senderName: 'Politie Amsterdam',
    answerDays: 7,
  });
  const render = renderer.prepare(doc);
  const a = render(links);
  const b = render({
    unsubscribeUrl: 'https://burgernet.test/burgernetmail/afmelden?t=xyz',
    answerUrl: 'https://burgernet.test/burgernetmail/antwoord?t=uvw',
  });
  assert.match(a.text, /Eerste alinea\.\n\n- punt een\n- punt twee/);
  assert.match(a.html, /<li style="[^"]*">punt een<\/li>/);
  assert.ok(a.text.includes(links.answerUrl) && a.text.includes(links.unsubscribeUrl));
  assert.ok(a.html.includes(`href="${links.answerUrl}"`) && a.html.includes(`href="${links.unsubscribeUrl}"`));
  assert.ok(b.html.includes('t=xyz') && b.html.includes('t=uvw') && !b.html.includes('t=abc'));
  assert.match(a.text, /De link werkt 7 dagen/);
  assert.ok(!/<img/i.test(a.html));
  assert.match(a.html, /^<!doctype html><html lang="nl">/);
  const tips = renderer.prepare(
    composeMailDocument({
      kind: 'preventietips',
      subject: 'Tips',
      body: 'x',
      fields: {},
      senderName: 's',
      answerDays: 7,
    }),
  )({ unsubscribeUrl: links.unsubscribeUrl, answerUrl: null });
  assert.ok(!tips.text.includes('Ik heb iets gezien') && !tips.html.includes('Ik heb iets gezien'));
});
