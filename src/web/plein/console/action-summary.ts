import { byId, el } from '../../elements.js';
import { fillTemplate } from '../../text-template.js';
import type { ActionAreas } from './action-areas.js';
import { amsterdamTime } from './amsterdam-time.js';
import type { ConsoleApi } from './console-api.js';
import type { ConsoleTexts } from './console-texts.js';
import type { ApiArea } from './incident-area.js';

type People = Readonly<Record<string, number>>;

/** GET /api/v1/actions/:id: the fields the panel reads. */
export interface ActionDetails {
  readonly id: string;
  readonly number: string;
  readonly type: string;
  readonly status: string;
  readonly message: string;
  readonly startedAt: string | null;
  readonly area: ApiArea;
  readonly messages: readonly {
    readonly id: string;
    readonly kind: string;
    readonly text: string;
    readonly createdAt: string;
    readonly people: People;
  }[];
  readonly areas: readonly {
    readonly area: ApiArea;
    readonly at: string;
    readonly recipients: number | null;
    readonly change: string;
  }[];
}

export interface ActionSummary {
  /** Reads the action again and redraws what was sent, the timeline and its areas on the map. */
  refresh(actionId: string): Promise<ActionDetails>;
  /** The people the alert reached so far (every channel but the app), from the last refresh. */
  readonly reached: number;
  clear(): void;
}

const sum = (people: People) => Object.values(people).reduce((n, v) => n + v, 0);

function distance(metres: number): string {
  return metres >= 1000
    ? `${(metres / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} km`
    : `${metres.toLocaleString('nl-NL')} m`;
}

/**
 * What the centralist sent and when: the alert as it went out (type, message, area in words, the photo), and (in
 * the console) a timeline of every message and area change with the people it went to.
 */
export function createActionSummary(deps: {
  readonly api: ConsoleApi;
  readonly texts: ConsoleTexts;
  readonly typeLabels: Readonly<Record<string, string>>;
  readonly areas: ActionAreas;
}): ActionSummary {
  const { api, texts } = deps;
  const live = texts.live;
  const sent = byId('verzonden');
  // The action's page has a timeline of its own (with the audit log), kept up to date by the page.
  const timeline = document.getElementById('tijdlijn');
  let reached = 0;

  const channelList = (people: People) =>
    Object.entries(people)
      .filter(([, n]) => n > 0)
      .map(([channel, n]) => `${texts.channels[channel] ?? channel} ${n}`)
      .join(', ');

  function render(action: ActionDetails): void {
    const areaText =
      action.area.kind === 'circle'
        ? fillTemplate(live.areaCircle, { radius: distance(action.area.radiusMetres) })
        : live.areaPolygon;
    // The photo, when there is one: the image answers 404 otherwise and is left out.
    const photo = el('img', {
      class: 'action-photo',
      alt: live.photoAlt,
      src: `/api/v1/actions/${encodeURIComponent(action.id)}/photo?v=${Date.now()}`,
      width: '96',
    });
    photo.addEventListener('error', () => photo.remove());
    sent.replaceChildren(
      el(
        'div',
        { class: 'sent-text' },
        el('p', {}, fillTemplate(live.summaryType, { type: deps.typeLabels[action.type] ?? action.type })),
        el('p', {}, fillTemplate(live.summaryMessage, { text: action.message })),
        el('p', {}, areaText),
      ),
      photo,
    );
    const entries = [
      ...action.messages.map((m) => ({
        at: m.createdAt,
        heading: live.kinds[m.kind] ?? m.kind,
        detail: m.text,
        people:
          sum(m.people) > 0 ? fillTemplate(live.toPeople, { n: sum(m.people), channels: channelList(m.people) }) : '',
      })),
      ...action.areas.map((a) => ({
        at: a.at,
        heading: fillTemplate(live.areaChanges[a.change] ?? a.change, {
          n: a.recipients === null ? live.pending : a.recipients,
        }),
        detail:
          a.area.kind === 'circle'
            ? fillTemplate(live.areaCircle, { radius: distance(a.area.radiusMetres) })
            : live.areaPolygon,
        people: '',
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    timeline?.replaceChildren(
      ...entries.map((e) =>
        el(
          'li',
          {},
          el('time', { datetime: e.at }, amsterdamTime(e.at)),
          ` ${e.heading}`,
          ...(e.people ? [` ${e.people}`] : []),
          el('br'),
          el('span', { class: 'muted' }, e.detail),
        ),
      ),
    );
    deps.areas.show(action.areas.length > 0 ? action.areas.map((a) => a.area) : [action.area]);
    reached = sum(action.messages.find((m) => m.kind === 'alert')?.people ?? {});
  }

  return {
    async refresh(actionId) {
      const action = await api<ActionDetails>('GET', `/api/v1/actions/${encodeURIComponent(actionId)}`);
      render(action);
      return action;
    },
    get reached() {
      return reached;
    },
    clear() {
      sent.replaceChildren();
      timeline?.replaceChildren();
      deps.areas.clear();
      reached = 0;
    },
  };
}
