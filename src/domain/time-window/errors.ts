/** Every error of the time-window module, with a stable code and a Dutch message for the user. */
export type TimeWindowErrorCode =
  'time-window.invalid-syntax' | 'time-window.invalid-day' | 'time-window.invalid-time' | 'time-window.empty-window';

export interface TimeWindowError {
  readonly code: TimeWindowErrorCode;
  readonly message: string;
  /** The part of the input that was rejected. */
  readonly input: string;
}

const MESSAGES: { readonly [C in TimeWindowErrorCode]: (input: string) => string } = {
  'time-window.invalid-syntax': (input) =>
    `Kan "${input}" niet lezen als tijdvak; schrijf bijvoorbeeld "ma-vr 08:30-17:30; za 10:00-14:00".`,
  'time-window.invalid-day': (input) => `Onbekende dag "${input}"; gebruik ma, di, wo, do, vr, za of zo.`,
  'time-window.invalid-time': (input) =>
    `Ongeldige tijd "${input}"; gebruik UU:MM, een begintijd van 00:00 tot en met 23:59 en een eindtijd tot en met 24:00.`,
  'time-window.empty-window': (input) => `Het tijdvak "${input}" is leeg: begin en einde zijn gelijk.`,
};

export function timeWindowError(code: TimeWindowErrorCode, input: string): TimeWindowError {
  return { code, message: MESSAGES[code](input), input };
}
