/** `--code re05` names meldkamer RE05: codes are read in capitals. */
export const meldkamerCode = (value: string): string => value.toUpperCase();
