/** What the page reads of the SMSC simulator: the messages it received, whole (all parts joined). */
export interface SmsSimulatorView {
  readonly port: number;
  readonly messages: readonly {
    readonly to: string;
    readonly text: string;
    readonly parts: number;
    readonly receivedAt: Date;
  }[];
}
