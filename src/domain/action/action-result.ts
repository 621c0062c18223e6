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
