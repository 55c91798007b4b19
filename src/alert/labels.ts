/** A set of label (or annotation) names to values. */
export type LabelSet = Readonly<Record<string, string>>;
