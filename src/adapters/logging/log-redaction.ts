/**
 * What the log never shows, even when an object carrying it is logged by mistake: personal data and secrets.
 * - err.detail: PostgreSQL puts the values of a refused row there ("Failing row contains (…)"), e.g. a tip's text.
 * - err.params: a failed query carries its parameters (names, numbers, addresses); so may the error it wraps.
 */
export const LOG_REDACTION = {
  paths: [
    '*.msisdn',
    '*.phone',
    '*.name',
    '*.email',
    'req.headers.authorization',
    'err.detail',
    'err.params',
    'err.parameters',
    'err.cause.detail',
    'err.cause.params',
    'err.cause.parameters',
  ],
  censor: '[verborgen]',
};
