// Writes docs/config.md from the configuration schema, so the two cannot drift (a test checks it).
import { writeFileSync } from 'node:fs';
import { configDocument } from '../src/config-doc.js';

writeFileSync(new URL('../docs/config.md', import.meta.url), configDocument());
