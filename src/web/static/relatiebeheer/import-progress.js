// Follows an import while it runs: asks the API for its progress every second (the session cookie
// authenticates a GET) and reloads the page with the report once it is done. Without JavaScript the page
// has a "Vernieuwen" link.
const box = document.getElementById('import-voortgang');
if (box !== null && box.dataset.phase !== 'done' && box.dataset.phase !== 'failed') {
  const id = box.dataset.import;
  const status = document.getElementById('import-fase');
  const bar = document.getElementById('import-balk');
  // The phases' names, from the page (the server's message catalogue).
  const { phases } = JSON.parse(document.getElementById('texts-import').textContent);
  const poll = async () => {
    try {
      const response = await fetch(`/api/v1/relatiebeheer/imports/${id}`, { credentials: 'same-origin' });
      if (response.ok) {
        const job = await response.json();
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
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 500);
}
