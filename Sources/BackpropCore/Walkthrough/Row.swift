/// A row of a walk: a step, and the document's value for it where it printed one.
///
/// A value the document printed several times is several rows of one step, the later
/// ones marked as repeats. Rows are what causes refer to: a cause is about one
/// printing of a value.
public struct Row: Sendable, Identifiable {
  /// Identifies a row within its walk.
  public struct ID: Hashable, Sendable, Comparable {
    let value: Int

    /// Walk order: an earlier row comes first.
    public static func < (a: ID, b: ID) -> Bool { a.value < b.value }
  }

  /// The row's identifier, its position in the walk.
  public let id: ID
  /// The step the row shows.
  public let step: Step.ID
  /// What the document printed for the step here, if it did.
  public let document: Example.DocumentValue?
  /// Whether the row repeats an earlier row's step for another place the document
  /// printed the same value.
  public let isRepeat: Bool
}
