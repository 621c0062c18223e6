import { askInDialog } from '../../ask-in-dialog.js';
import { byId } from '../../elements.js';

/**
 * Asks before a step that reaches people (closing, withdrawing): a styled dialog that restates what goes out,
 * opened with the focus on "Terug" so that Enter or Escape never sends anything. Resolves true only on "Ja".
 */
export function confirmStep(content: {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly yes: string;
}): Promise<boolean> {
  const dialog = byId('bevestig-stap', HTMLDialogElement);
  const yes = byId('bevestig-stap-ja', HTMLButtonElement);
  const no = byId('bevestig-stap-nee', HTMLButtonElement);
  byId('bevestig-stap-kop').textContent = content.heading;
  yes.textContent = content.yes;
  byId('bevestig-stap-inhoud').replaceChildren(
    ...content.lines.map((line) => {
      const p = document.createElement('p');
      p.textContent = line;
      return p;
    }),
  );
  return askInDialog(dialog, yes, no);
}
