/** A meldkamer asked to approve a version of another meldkamer's concept, and its answer once given. */
export interface RegionApproval {
  readonly actionId: string;
  readonly actionVersion: number;
  readonly meldkamerCode: string;
  readonly requestedAt: Date | null;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
}

export interface ActionRegionApprovals {
  /** Asks the meldkamer to approve this version; false when it was asked (or approved) before. */
  request(r: {
    readonly actionId: string;
    readonly actionVersion: number;
    readonly meldkamerCode: string;
    readonly requestedBy: string;
    readonly requestedAt: Date;
  }): Promise<boolean>;
  /** Records the approval of this version by a centralist of the meldkamer; false when it was approved before. */
  approve(a: {
    readonly actionId: string;
    readonly actionVersion: number;
    readonly meldkamerCode: string;
    readonly approvedBy: string;
    readonly approvedAt: Date;
  }): Promise<boolean>;
  /** Requests and approvals of this version. */
  of(actionId: string, version: number): Promise<readonly RegionApproval[]>;
  /** The meldkamers that approved any version of the action. */
  approvedEver(actionId: string): Promise<ReadonlySet<string>>;
  /** What the meldkamer is asked to approve and has not yet: concepts still at the version asked about, newest first. */
  openRequests(meldkamerCode: string, limit: number): Promise<readonly RegionApproval[]>;
}
