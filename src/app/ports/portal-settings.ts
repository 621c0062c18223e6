/** Configuration kept in the database and changed by beheer at run time (JSON values by key). */
export interface PortalSettings {
  all(): Promise<ReadonlyMap<string, unknown>>;
  set(key: string, value: unknown, by: string, at: Date): Promise<void>;
}
