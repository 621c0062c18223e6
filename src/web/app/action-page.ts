// The public page of an action: its map, sharing (the phone's own share sheet, or WhatsApp), and the tip form.
import { byId } from '../elements.js';
import { readPageData } from '../page-data.js';
import type { AppPageData, PublicArea } from './app-page-data.js';
import { drawAreaMap } from './area-map.js';
import { deviceId } from './device-store.js';
import { setUpTipForm } from './tip-form.js';

interface ActionPageData {
  readonly area: PublicArea | null;
  readonly shareTitle: string;
  readonly shareText: string;
  readonly shareUrl: string;
}

const page = readPageData<AppPageData>('app-gegevens');
const action = readPageData<ActionPageData>('actie-gegevens');

function setUpMap(): void {
  const element = document.getElementById('actie-kaart');
  if (element !== null && action.area !== null) void drawAreaMap(element, action.area, page.map);
}

function setUpSharing(): void {
  const button = byId('delen-knop');
  const data = {
    title: action.shareTitle,
    text: action.shareText.replace(action.shareUrl, '').trim(),
    url: action.shareUrl,
  };
  if (typeof navigator.share !== 'function' || (typeof navigator.canShare === 'function' && !navigator.canShare(data)))
    return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.share(data);
    } catch {
      // Cancelled, or not allowed here: the WhatsApp link next to it still works.
    }
  });
}

setUpMap();
setUpSharing();
setUpTipForm(page.texts, deviceId);
document.body.dataset.appReady = 'true';
