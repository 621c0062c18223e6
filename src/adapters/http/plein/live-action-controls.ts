import { ACTION_RESULTS } from '../../../domain/action/action-result.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { html, type SafeHtml } from '../html/html.js';

/**
 * What the script of the console and of the action page (src/web/plein/console/) reads from the page: the
 * console's script texts, two of the page's, and the spoken alert with {message} and {description} to fill in.
 */
export function consoleScriptTexts(t: Catalogue) {
  return {
    ...t.plein.consoleScript,
    reachEmpty: t.plein.console.reachEmpty,
    noTips: t.plein.console.noTips,
    voicePreview: t.voice.alert({ message: '{message}', description: '{description}' }),
  };
}

/**
 * The steps on a running action: update, change the area (widen or move), photo, close with a result, withdraw.
 * The console and the action page render the same controls, and the same script drives them
 * (src/web/plein/console/action-controls.ts looks them up by these ids). `areaFields` are the fields to draw the
 * new area with, for a page without the console's own area step.
 */
export function liveActionControls(t: Catalogue, areaFields: SafeHtml | null = null): SafeHtml {
  const c = t.plein.console;
  return html`<details><summary>${c.update}</summary><div class="field"><label for="vervolg">${c.updateText}</label><textarea id="vervolg" rows="2" maxlength="1000" aria-describedby="vervolg-teller"></textarea><p class="hint" id="vervolg-teller" aria-live="polite"></p></div><button type="button" id="vervolg-knop" class="secondary">${c.updateSend}</button></details>
<p id="gebied-concept" class="notice" role="status" hidden></p>
<details id="gebied-aanpassen"><summary>${c.widen}</summary><p>${c.widenText}</p>${areaFields}<p class="row"><button type="button" id="verruim-knop" class="secondary">${c.widenButton}</button> <button type="button" id="verplaats-knop" class="secondary">${c.moveButton}</button></p></details>
<details id="foto-blok"><summary>${c.photo}</summary><form id="foto-form"><div class="field"><label for="foto">${c.photoLabel}</label><input type="file" id="foto" accept="image/*"></div><button type="submit" class="secondary">${c.photoSubmit}</button></form></details>
<details><summary>${c.close}</summary><div class="field"><label for="resultaat">${c.result}</label><select id="resultaat" required><option value="">${c.chooseResult}</option>${ACTION_RESULTS.map((r) => html`<option value="${r}">${t.results[r]}</option>`)}</select></div>
<div class="field"><label for="afloop">${c.closingText} <span class="optional">${c.closingTextHint}</span></label><textarea id="afloop" rows="2" maxlength="1000"></textarea></div>
<button type="button" id="afsluit-knop">${c.close}</button></details>
<details><summary>${c.withdraw}</summary><p>${c.withdrawText}</p><button type="button" id="intrek-knop" class="danger">${c.withdraw}</button></details>
<p class="error-message" id="lopend-fout" role="alert" hidden></p>`;
}

/** The circle or polygon to draw a new area with (src/web/plein/console/incident-area.ts reads these). */
export function areaShapeFields(t: Catalogue, radiusMetres: number): SafeHtml {
  const c = t.plein.console;
  return html`<fieldset class="row"><legend>${c.shape}</legend>
<label><input type="radio" name="vorm" value="circle" checked> ${c.circle}</label>
<label><input type="radio" name="vorm" value="polygon"> ${c.polygonShape}</label>
</fieldset>
<div class="field"><label for="straal">${c.radiusLabel(html`<output id="straal-waarde" for="straal">${radiusMetres}</output>`)}</label>
<input type="range" id="straal" min="100" max="20000" step="100" value="${radiusMetres}"></div>`;
}

/** The styled dialog every step on a running action asks in, opened on "Terug" (src/web/plein/console/step-dialog.ts). */
export function stepDialog(t: Catalogue): SafeHtml {
  return html`<dialog id="bevestig-stap" aria-labelledby="bevestig-stap-kop"><h2 id="bevestig-stap-kop"></h2><div id="bevestig-stap-inhoud"></div>
<p><button type="button" id="bevestig-stap-ja"></button> <button type="button" id="bevestig-stap-nee" class="secondary">${t.plein.console.confirmNo}</button></p></dialog>`;
}
