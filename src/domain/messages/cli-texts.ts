import type { cliNl } from './cli-nl.js';

/** The command-line section of a catalogue: every language has the shape of the Dutch one. */
export type CliTexts = typeof cliNl;
