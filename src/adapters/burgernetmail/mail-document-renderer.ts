import type { MailRenderer, PersonalLinks, RenderedMail } from '../../app/ports/mail-renderer.js';
import type { MailBlock, MailDocument } from '../../domain/mail/mail-document.js';
import type { MailTexts } from '../../domain/messages/mail-texts.js';
import { escapeHtml, html, raw, type SafeHtml } from '../http/html/html.js';

// Stand-ins for the personal links while the mail is rendered once; no text a sender types can hold U+0000.
const UNSUBSCRIBE = '\u0000unsubscribe\u0000';
const ANSWER = '\u0000answer\u0000';

const COLOURS = { brand: '#154273', text: '#1a1a1a', muted: '#4a4a4a', line: '#d0d0d0', page: '#f3f3f3' } as const;
const FONT = 'font-family:Arial,Helvetica,sans-serif;';

function blockHtml(block: MailBlock): SafeHtml {
  switch (block.kind) {
    case 'paragraph':
      return html`<p style="margin:0 0 16px;">${block.lines.map((line, i) => html`${i > 0 ? raw('<br>') : null}${line}`)}</p>`;
    case 'list':
      return html`<ul style="margin:0 0 16px;padding-left:24px;">${block.items.map((item) => html`<li style="margin:0 0 6px;">${item}</li>`)}</ul>`;
  }
}

function blockText(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.lines.join('\n');
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
  }
}

/** The inside of the mail's body, also shown as the preview in the portal. */
export function mailBodyHtml(
  document: MailDocument,
  texts: MailTexts,
  links: { unsubscribe: string; answer: string | null },
): SafeHtml {
  const t = texts.mail;
  return html`<div style="max-width:600px;margin:0 auto;padding:24px 20px;background:#ffffff;color:${COLOURS.text};${FONT}font-size:16px;line-height:1.5;">
<p style="margin:0;font-size:20px;font-weight:bold;color:${COLOURS.brand};">Burgernet</p>
<p style="margin:0 0 20px;color:${COLOURS.muted};">${t.from({ senderName: document.senderName })}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${document.subject}</h1>
${document.blocks.map(blockHtml)}
${
  links.answer === null
    ? null
    : html`<div style="margin:24px 0;padding:16px;border:2px solid ${COLOURS.brand};border-radius:6px;">
<h2 style="margin:0 0 8px;font-size:18px;">${t.answerTitle}</h2>
<p style="margin:0 0 12px;">${t.answerText({ days: document.answerDays })}</p>
<p style="margin:0;"><a href="${links.answer}" style="display:inline-block;padding:12px 20px;background:${COLOURS.brand};color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:4px;">${t.answerButton}</a></p>
</div>`
}
<p style="margin:0 0 16px;">${t.emergency}</p>
<hr style="border:0;border-top:1px solid ${COLOURS.line};margin:24px 0 16px;">
<p style="margin:0 0 8px;font-size:14px;color:${COLOURS.muted};">${t.why} ${t.privacy}</p>
<p style="margin:0;font-size:14px;color:${COLOURS.muted};">${t.unsubscribe} <a href="${links.unsubscribe}" style="color:${COLOURS.brand};">${texts.unsubscribe.button}</a></p>
</div>`;
}

/**
 * HTML and plain text from the same document: the HTML escapes every piece of text (the `html` template), uses
 * no images and only inline styles (mail programs drop style sheets), and reads top to bottom without them; the
 * text part carries the same words and the links written out.
 */
export function createMailDocumentRenderer(texts: MailTexts): MailRenderer {
  const t = texts.mail;
  return {
    prepare(document) {
      const answer = document.asksForAnswers ? ANSWER : null;
      const page = `<!doctype html>${
        html`<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${document.subject}</title></head>
<body style="margin:0;padding:16px 0;background:${COLOURS.page};">${mailBodyHtml(document, texts, { unsubscribe: UNSUBSCRIBE, answer })}</body></html>`
          .value
      }`;
      const text = [
        'Burgernet',
        t.from({ senderName: document.senderName }),
        '',
        document.subject,
        '',
        ...document.blocks.flatMap((b) => [blockText(b), '']),
        ...(answer === null
          ? []
          : [t.answerTitle, t.answerText({ days: document.answerDays }), `${t.answerButton}: ${ANSWER}`, '']),
        t.emergency,
        '',
        '-- ',
        t.why,
        t.privacy,
        `${t.unsubscribe} ${UNSUBSCRIBE}`,
        '',
      ].join('\n');
      // The markers were escaped with everything else; split once so that each recipient is a join.
      const htmlParts = splitMarkers(page, escapeHtml(UNSUBSCRIBE), escapeHtml(ANSWER));
      const textParts = splitMarkers(text, UNSUBSCRIBE, ANSWER);
      return (links: PersonalLinks): RenderedMail => ({
        subject: document.subject,
        html: fill(htmlParts, escapeHtml(links.unsubscribeUrl), escapeHtml(links.answerUrl ?? '')),
        text: fill(textParts, links.unsubscribeUrl, links.answerUrl ?? ''),
      });
    },
  };
}

/** Literal text, or the name of a marker ('unsubscribe', 'answer'). */
type Part = string;

function splitMarkers(
  text: string,
  unsubscribe: string,
  answer: string,
): { readonly literal: boolean; readonly value: Part }[] {
  const parts: { literal: boolean; value: Part }[] = [];
  let rest = text;
  for (;;) {
    const u = rest.indexOf(unsubscribe);
    const a = rest.indexOf(answer);
    const next = u === -1 ? a : a === -1 ? u : Math.min(u, a);
    if (next === -1) break;
    const isAnswer = next === a;
    parts.push({ literal: true, value: rest.slice(0, next) });
    parts.push({ literal: false, value: isAnswer ? 'answer' : 'unsubscribe' });
    rest = rest.slice(next + (isAnswer ? answer.length : unsubscribe.length));
  }
  parts.push({ literal: true, value: rest });
  return parts;
}

function fill(
  parts: readonly { readonly literal: boolean; readonly value: Part }[],
  unsubscribe: string,
  answer: string,
): string {
  let out = '';
  for (const p of parts) out += p.literal ? p.value : p.value === 'answer' ? answer : unsubscribe;
  return out;
}
