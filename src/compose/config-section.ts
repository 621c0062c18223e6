import type { Config } from '../config.js';

/** The keys of the configuration one component reads. */
export type SectionKeys = readonly (keyof Config)[];

export type Section<K extends SectionKeys> = Readonly<Pick<Config, K[number]>>;

/** A component's own part of the configuration: it sees these keys and no others. */
export function sectionOf<const K extends SectionKeys>(config: Config, keys: K): Section<K> {
  return Object.freeze(Object.fromEntries(keys.map((key) => [key, config[key]]))) as Section<K>;
}
