export type ActionType =
  | 'vermissing'
  | 'diefstal'
  | 'inbraak'
  | 'overval'
  | 'beroving'
  | 'doorrijden-na-aanrijding'
  | 'verdachte-situatie'
  | 'noodsituatie';

export const ACTION_TYPES: readonly ActionType[] = [
  'vermissing',
  'diefstal',
  'inbraak',
  'overval',
  'beroving',
  'doorrijden-na-aanrijding',
  'verdachte-situatie',
  'noodsituatie',
];

/** Dispatch priority: higher goes first when several actions share the channel. */
export type Priority = 0 | 1 | 2;

export function priorityOf(type: ActionType, missingChild: boolean): Priority {
  if (type === 'noodsituatie') return 2;
  if (type === 'vermissing') return missingChild ? 2 : 1;
  return 0;
}
