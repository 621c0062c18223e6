import type { selfServiceNl } from './self-service-nl.js';

/** The self-service section of a catalogue: every language has the shape of the Dutch one. */
export type SelfServiceTexts = typeof selfServiceNl;
