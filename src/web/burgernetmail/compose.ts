// Burgernetmail compose page: show only the fields of the chosen audience (none is chosen at first), draw an area
// on the map (a circle around a click, or a polygon), keep it in the hidden "gebied" field, and count the
// recipients live through /api/v1/audience-counts, with the audience in words. Without JavaScript the form works
// with a gemeente, postcodes or an address with a radius.
import { byId } from '../elements.js';
import { readPageData } from '../page-data.js';
import { createAudienceCount, type ComposeTexts } from './audience-count.js';
import { setUpComposeMap } from './compose-map.js';

function startCompose(): void {
  const form = document.getElementById('mail-form');
  if (!(form instanceof HTMLFormElement)) return;
  const texts = readPageData<ComposeTexts>('texts-compose');
  const areaField = byId('veld-gebied', HTMLInputElement);
  const audienceRadios = form.querySelectorAll<HTMLInputElement>('input[name="ontvangers"]');
  const chosen = () => form.querySelector<HTMLInputElement>('input[name="ontvangers"]:checked')?.value ?? '';
  const showAudience = () => {
    for (const part of form.querySelectorAll<HTMLElement>('[data-audience]'))
      part.hidden = part.dataset.audience !== chosen();
  };
  const recount = createAudienceCount(texts, chosen, areaField);

  const L = window.L;
  if (L) setUpComposeMap(L, form, texts, areaField, recount);

  for (const r of audienceRadios) {
    r.addEventListener('change', () => {
      showAudience();
      recount();
    });
  }
  byId('veld-gemeente').addEventListener('change', recount);
  for (const id of ['veld-postcodes', 'veld-adresPostcode', 'veld-adresHuisnummer', 'veld-straal'])
    byId(id).addEventListener('input', recount);
  showAudience();
  recount();
}

startCompose();
