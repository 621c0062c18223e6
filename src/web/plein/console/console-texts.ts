// What the console page gives its script: the texts (the server's message catalogue) and the action types.

export interface ConsoleTexts {
  readonly live: LiveTexts;
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
  readonly waitingForApproval: string;
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
  readonly callbackNumber: {
    readonly label: string;
    readonly hidden: string;
    readonly show: string;
    readonly purposeLegend: string;
    /** By the API's purpose code (callback, forward-to-unit). */
    readonly purposes: Readonly<Record<string, string>>;
    readonly note: string;
    readonly audited: string;
    readonly submit: string;
    readonly cancel: string;
    readonly choosePurpose: string;
  };
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

/** The running action's panel: what was sent, the timeline, people per channel, each step's confirmation. */
export interface LiveTexts {
  readonly done: {
    readonly started: string;
    readonly update: string;
    readonly widened: string;
    readonly moved: string;
    readonly closed: string;
    readonly withdrawn: string;
  };
  readonly ended: string;
  readonly leaveHeading: string;
  readonly leaveYes: string;
  readonly drawFirst: string;
  readonly draftArea: string;
  readonly widenHeading: string;
  readonly widenLine: string;
  readonly newPeople: string;
  readonly widenYes: string;
  readonly moveHeading: string;
  readonly moveLine: string;
  readonly moveReached: string;
  readonly moveYes: string;
  readonly updateHeading: string;
  readonly updateTo: string;
  readonly updateText: string;
  readonly updateYes: string;
  readonly updateEmpty: string;
  readonly updateCounter: string;
  readonly summaryType: string;
  readonly summaryMessage: string;
  readonly areaCircle: string;
  readonly areaPolygon: string;
  readonly kinds: Readonly<Record<string, string>>;
  readonly areaChanges: Readonly<Record<string, string>>;
  readonly toPeople: string;
  readonly pending: string;
  readonly photoAlt: string;
  readonly peopleColumns: {
    readonly channel: string;
    readonly people: string;
    readonly delivered: string;
    readonly failed: string;
    readonly messages: string;
  };
  readonly peopleSummary: string;
  readonly voiceNow: string;
  readonly smscLine: string;
  readonly smscItem: string;
  readonly chartStart: string;
  readonly chartEmpty: string;
  readonly currentArea: string;
  readonly earlierArea: string;
}
