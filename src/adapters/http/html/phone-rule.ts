import type { PhoneRuleTexts } from '../../../domain/messages/phone-numbers-nl.js';
import { html, type SafeHtml } from './html.js';

/** "Welk nummer belt u?": each number with what it is for (the app, the public action page, "De app" on the site). */
export function phoneRuleSection(rule: PhoneRuleTexts): SafeHtml {
  return html`<section class="phone-rule" aria-labelledby="nummers-kop">
<h2 id="nummers-kop">${rule.heading}</h2>
<dl>${rule.rules.map((r) => html`<dt>${r.number}</dt><dd>${r.text}</dd>`)}</dl>
</section>`;
}

/** The same rule in one line, for the footer of citizens' pages. */
export function phoneRuleFooter(rule: PhoneRuleTexts): SafeHtml {
  return html`<p class="phone-rule-short">${rule.short}</p>`;
}
