/**
 * Template fields a centralist has to fill in before a text may go out: `[naam]`, `[leeftijd]`, `[kleding]` in the
 * templates of the action types (beheer writes them). A text holding one would alert an area with "Vermist:
 * [naam] ([leeftijd])".
 */
const TEMPLATE_FIELD = /\[[^\][\n]{1,40}\]/g;

/** The unfilled fields in a text, each once, in order of appearance. */
export function unfilledTemplateFields(text: string | null | undefined): string[] {
  return [...new Set(text?.match(TEMPLATE_FIELD) ?? [])];
}
