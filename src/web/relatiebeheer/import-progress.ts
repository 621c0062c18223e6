// Follows an import while it runs: asks the API for its progress every second (the session cookie
// authenticates a GET) and reloads the page with the report once it is done. Without JavaScript the page
// has a "Vernieuwen" link.
import { byId } from '../elements.js';
import { readPageData } from '../page-data.js';

/** GET /api/v1/relatiebeheer/imports/:id, the fields shown here. */
interface ImportJob {
  readonly phase: string;
  readonly rowsRead: number;
  readonly rowsChecked: number;
  readonly rowsStored: number;
}

const POLL_MS = 1000;

function followImport(box: HTMLElement): void {
  const id = box.dataset.import ?? '';
  const status = byId('import-fase');
  const bar = byId('import-balk', HTMLProgressElement);
  // The phases' names, from the page (the server's message catalogue).
  const { phases } = readPageData<{ phases: Readonly<Record<string, string>> }>('texts-import');
  const poll = async () => {
    try {
      const response = await fetch(`/api/v1/relatiebeheer/imports/${id}`, { credentials: 'same-origin' });
      if (response.ok) {
        const job = (await response.json()) as ImportJob;
        const done = job.phase === 'storing' ? job.rowsStored : job.rowsChecked;
        bar.max = Math.max(job.rowsRead, 1);
        bar.value = done;
        status.textContent = `${phases[job.phase] ?? job.phase}: ${done} / ${job.rowsRead}`;
        if (job.phase === 'done' || job.phase === 'failed') {
          window.location.reload();
          return;
        }
      }
    } catch {
      // The network hiccupped: try again at the next tick.
    }
    setTimeout(() => void poll(), POLL_MS);
  };
  setTimeout(() => void poll(), POLL_MS / 2);
}

const box = document.getElementById('import-voortgang');
if (box !== null && box.dataset.phase !== 'done' && box.dataset.phase !== 'failed') followImport(box);
