import type { appNl } from './app-nl.js';

/** The app section of a catalogue: every language has the shape of the Dutch one. */
export type AppTexts = typeof appNl;
