/** The action the console works on, as the API returns it (the fields the console reads). */
export interface ConsoleAction {
  readonly id: string;
  readonly number: string;
  readonly type: string;
  readonly startedAt?: string | null;
  status: string;
}

/** The console's one action at a time: none, a concept waiting for approval, or the running one. */
export class CurrentAction {
  action: ConsoleAction | null = null;

  get isRunning(): boolean {
    return this.action !== null && this.action.status === 'actief';
  }
}
