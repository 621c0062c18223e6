import type { mailNl } from './mail-nl.js';

/** The Burgernetmail section of a catalogue: every language has the shape of the Dutch one. */
export type MailTexts = typeof mailNl;
