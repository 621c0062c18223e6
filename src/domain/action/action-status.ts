export type ActionStatus = 'concept' | 'actief' | 'afgesloten' | 'ingetrokken';
export const ACTION_STATUSES: readonly ActionStatus[] = ['concept', 'actief', 'afgesloten', 'ingetrokken'];
