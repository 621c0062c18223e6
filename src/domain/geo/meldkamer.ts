/** A police control room; there is one per police unit (regionale eenheid), RE01–RE10. */
export interface Meldkamer {
  /** "RE05" */
  readonly code: string;
  /** "Amsterdam" */
  readonly name: string;
}
