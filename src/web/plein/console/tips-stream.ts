import { byId, el } from '../../elements.js';
import { fillTemplate } from '../../text-template.js';
import { amsterdamTime } from './amsterdam-time.js';
import type { ConsoleApi } from './console-api.js';
import type { ConsoleTexts } from './console-texts.js';
import { closeWhenSessionEnds } from '../session/stream-end.js';
import { callbackNumberLine } from './tip-callback-number.js';

/** The `tip` event of /api/v1/actions/:id/tips/stream. */
interface AppTip {
  readonly id: string;
  readonly receivedAt: string;
  readonly text: string | null;
  readonly callbackRequested: boolean;
  readonly photo: { readonly url: string } | null;
}

/** The `call` event of /plein/console/acties/:id/oproepen: a call routed to the meldkamer via 0800-0011. */
interface RoutedCall {
  readonly at: string;
}

interface TipItem {
  readonly kind: 'app' | 'call';
  readonly at: string;
  readonly text: string;
  readonly photo: string | null;
  /** Under the text: the hidden number to call back, with its "toon nummer" button. */
  readonly callback?: HTMLElement;
}

export interface TipsStream {
  /** Follows this action's tips and routed calls (closing the streams of the one before). */
  follow(actionId: string): void;
  close(): void;
}

/** Tips from the app and calls routed to the meldkamer, newest first, as they come in. */
export function createTipsStream(texts: ConsoleTexts, api: ConsoleApi): TipsStream {
  const list = byId('tips');
  let tipSource: EventSource | null = null;
  let callSource: EventSource | null = null;

  function addTip(item: TipItem): void {
    list.querySelector('.muted')?.remove();
    const li = document.createElement('li');
    li.className = `tip tip-${item.kind}`;
    const when = document.createElement('time');
    when.textContent = amsterdamTime(item.at);
    li.append(when, ' ');
    const text = document.createElement('span');
    text.textContent = item.text;
    li.append(text);
    if (item.photo) {
      const img = document.createElement('img');
      img.src = item.photo;
      img.alt = texts.tipPhotoAlt;
      img.className = 'tip-photo';
      li.append(img);
    }
    if (item.callback) li.append(item.callback);
    list.prepend(li);
  }

  function close(): void {
    tipSource?.close();
    callSource?.close();
  }

  return {
    follow(actionId) {
      close();
      list.replaceChildren(el('li', { class: 'muted' }, texts.noTips));
      const tips = new EventSource(`/api/v1/actions/${actionId}/tips/stream`);
      tipSource = tips;
      tips.addEventListener('tip', (e) => {
        const tip = JSON.parse(e.data as string) as AppTip;
        addTip({
          kind: 'app',
          at: tip.receivedAt,
          text: fillTemplate(tip.callbackRequested ? texts.appTipCallback : texts.appTip, { text: tip.text ?? '' }),
          photo: tip.photo ? tip.photo.url : null,
          ...(tip.callbackRequested
            ? { callback: callbackNumberLine(texts.callbackNumber, api, actionId, tip.id) }
            : {}),
        });
      });
      closeWhenSessionEnds(tips);
      tips.onerror = () => {
        if (tips.readyState === EventSource.CLOSED && tipSource === tips) tipSource = null;
      };
      callSource = new EventSource(`/plein/console/acties/${actionId}/oproepen`);
      closeWhenSessionEnds(callSource);
      callSource.addEventListener('call', (e) => {
        const call = JSON.parse(e.data as string) as RoutedCall;
        addTip({ kind: 'call', at: call.at, text: texts.call, photo: null });
      });
    },
    close,
  };
}
