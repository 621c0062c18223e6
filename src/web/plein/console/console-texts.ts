// What the console page gives its script: the texts (the server's message catalogue) and the action types.

export interface ConsoleTexts {
  readonly sessionExpired: string;
  readonly failed: string;
  /** The channels by the API's name. */
  readonly channels: Readonly<Record<string, string>>;
  readonly mapAttribution: string;
  readonly reach: string;
  readonly reachNew: string;
  readonly reachEmpty: string;
  readonly outsideTimeWindow: string;
  readonly characters: string;
  readonly smsCounter: string;
  readonly encodings: { readonly gsm: string; readonly ucs2: string };
  readonly smsParts: { readonly one: string; readonly other: string };
  readonly previewSms: string;
  readonly previewVoice: string;
  readonly previewApp: string;
  readonly voicePreview: string;
  readonly appPreview: string;
  readonly areaFirst: string;
  readonly messageFirst: string;
  readonly confirm: string;
  readonly approvalRequired: string;
  readonly progress: string;
  readonly progressColumns: {
    readonly channel: string;
    readonly recipients: string;
    readonly sent: string;
    readonly delivered: string;
    readonly failed: string;
  };
  readonly progressTimes: string;
  readonly chartLabels: { readonly sent: string; readonly delivered: string };
  readonly tipPhotoAlt: string;
  readonly noTips: string;
  readonly appTip: string;
  readonly appTipCallback: string;
  readonly call: string;
  readonly confirmClose: string;
  readonly chooseResult: string;
  readonly confirmNewAction: string;
  readonly closeHeading: string;
  readonly closeResult: string;
  readonly closeText: string;
  readonly closeDefaultText: string;
  readonly closeYes: string;
  readonly withdrawHeading: string;
  readonly withdrawYes: string;
  readonly confirmWithdraw: string;
  readonly photoFailed: string;
  readonly photoPlaced: string;
}

/** An action type as the console offers it (the root's data-types). */
export interface ActionTypeSetting {
  readonly type: string;
  readonly label: string;
  readonly template: string;
  readonly requiresApproval: boolean;
  /** The results an action of this type can close with. */
  readonly results: readonly string[];
}
