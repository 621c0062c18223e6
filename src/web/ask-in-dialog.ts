/**
 * Shows a modal dialog that asks before something reaches people, opened with the focus on the safe answer (`no`)
 * so that Enter or a stray key never sends anything. Resolves true only on `yes`; `no`, Escape or closing the
 * dialog otherwise are a no. The console's steps and Burgernetmail's "Versturen" ask through it.
 */
export function askInDialog(
  dialog: HTMLDialogElement,
  yes: HTMLButtonElement,
  no: HTMLButtonElement,
): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      yes.removeEventListener('click', onYes);
      no.removeEventListener('click', onNo);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    const onYes = () => finish(true);
    const onNo = () => finish(false);
    const onClose = () => finish(false);
    yes.addEventListener('click', onYes);
    no.addEventListener('click', onNo);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    no.focus();
  });
}
