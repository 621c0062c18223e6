import type { ActionType } from './action-type.js';

/** How an action ended. The list is fixed so that the success ratio means the same everywhere. */
export type ActionResult =
  'gevonden' | 'aangehouden' | 'opgelost' | 'teruggevonden' | 'niet-gevonden' | 'niet-aangehouden' | 'geen-resultaat';

export const ACTION_RESULTS: readonly ActionResult[] = [
  'gevonden',
  'aangehouden',
  'opgelost',
  'teruggevonden',
  'niet-gevonden',
  'niet-aangehouden',
  'geen-resultaat',
];

export function countsAsSuccess(result: ActionResult): boolean {
  switch (result) {
    case 'gevonden':
    case 'aangehouden':
    case 'opgelost':
    case 'teruggevonden':
      return true;
    case 'niet-gevonden':
    case 'niet-aangehouden':
    case 'geen-resultaat':
      return false;
  }
}

/**
 * The results that fit each type: a missing person is found or not, a suspect is arrested or not, goods or a
 * vehicle are recovered. The console offers only these (and no default), and closing with another is refused.
 */
const RESULTS_BY_TYPE: Readonly<Record<ActionType, readonly ActionResult[]>> = {
  vermissing: ['gevonden', 'niet-gevonden', 'geen-resultaat'],
  diefstal: ['aangehouden', 'teruggevonden', 'opgelost', 'niet-aangehouden', 'geen-resultaat'],
  inbraak: ['aangehouden', 'teruggevonden', 'opgelost', 'niet-aangehouden', 'geen-resultaat'],
  overval: ['aangehouden', 'teruggevonden', 'opgelost', 'niet-aangehouden', 'geen-resultaat'],
  beroving: ['aangehouden', 'teruggevonden', 'opgelost', 'niet-aangehouden', 'geen-resultaat'],
  'doorrijden-na-aanrijding': ['aangehouden', 'gevonden', 'opgelost', 'niet-aangehouden', 'geen-resultaat'],
  'verdachte-situatie': ['aangehouden', 'opgelost', 'niet-aangehouden', 'geen-resultaat'],
  noodsituatie: ['opgelost', 'geen-resultaat'],
};

export function resultsForType(type: ActionType): readonly ActionResult[] {
  return RESULTS_BY_TYPE[type];
}

export function resultFitsType(type: ActionType, result: ActionResult): boolean {
  return RESULTS_BY_TYPE[type].includes(result);
}
