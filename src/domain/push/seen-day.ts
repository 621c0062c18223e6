/** The UTC day a phone was seen on: all the activity record a subscription keeps. */
export const seenDayOf = (at: Date): string => at.toISOString().slice(0, 10);
