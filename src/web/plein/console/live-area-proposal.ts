import type { ActionSummary } from './action-summary.js';
import type { CurrentAction } from './current-action.js';
import type { IncidentArea } from './incident-area.js';

/**
 * During a live action, what the centralist draws is only a proposal beside the action's own area: the panel says
 * so (#gebied-concept) while the drawing differs from that area, and after a step that changed the area the
 * proposal is drawn again, which estimates its reach again (those reached are no longer new).
 */
export class LiveAreaProposal {
  readonly #hintText: string;
  readonly #current: CurrentAction;
  #area: IncidentArea | null = null;
  /** The action's area as last read from the server, as JSON to compare with the drawing. */
  #liveArea: string | null = null;

  constructor(hintText: string, current: CurrentAction) {
    this.#hintText = hintText;
    this.#current = current;
  }

  /** The drawing on the map; its onChange calls showHint. */
  attach(area: IncidentArea): void {
    this.#area = area;
  }

  showHint(): void {
    const hint = document.getElementById('gebied-concept');
    if (hint === null) return;
    const drawn = this.#area?.current() ?? null;
    const differs =
      this.#current.isRunning && drawn !== null && this.#liveArea !== null && JSON.stringify(drawn) !== this.#liveArea;
    hint.textContent = differs ? this.#hintText : '';
    hint.hidden = !differs;
  }

  /** No live action any more (a new one is being drawn up). */
  forget(): void {
    this.#liveArea = null;
  }

  /** The summary, whose every refresh also follows the action's area. */
  following(summary: ActionSummary): ActionSummary {
    return {
      refresh: async (id) => {
        const details = await summary.refresh(id);
        const areaJson = JSON.stringify(details.area);
        if (areaJson !== this.#liveArea) {
          this.#liveArea = areaJson;
          this.#area?.setDraftMode(true);
        }
        return details;
      },
      get reached() {
        return summary.reached;
      },
      clear: () => summary.clear(),
    };
  }
}
