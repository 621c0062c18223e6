export type SmppBindErrorCode = 'smpp.bind-refused' | 'smpp.bind-timeout' | 'smpp.connect-failed';

/** A bind attempt that did not end bound; `status` is the SMSC's command_status when it refused. */
export class SmppBindError extends Error {
  override readonly name = 'SmppBindError';
  readonly code: SmppBindErrorCode;
  readonly status: number | undefined;

  constructor(code: SmppBindErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }
}
