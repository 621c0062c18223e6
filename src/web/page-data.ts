/**
 * The data a page renders for its scripts (texts from the server's message catalogue, settings) as a JSON block,
 * `<script type="application/json" id="…">`, which the Content-Security-Policy allows because it never runs.
 */
export function readPageData<T>(id: string): T {
  const block = document.getElementById(id);
  if (block === null) throw new Error(`The page has no data block #${id}`);
  const data = JSON.parse(block.textContent ?? '') as T;
  return data;
}
