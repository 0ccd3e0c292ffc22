import BackpropCore

/// What a reader should know before a walk's numbers: targets no output can reach, and
/// derivatives shown as numbers only.
public enum WalkNotes {
  /// The notes, one sentence each.
  public static func sentences(_ walkthrough: Walkthrough, notation: Notation) -> [String] {
    var notes = walkthrough.unreachableTargets.map { $0.sentence(notation) }
    let count = walkthrough.validated.derivativesShownAsNumbers
    if count > 0 {
      notes.append(
        count == 1
          ? "one local derivative is too long to write out as a formula; it is shown as a number only"
          : "\(count) local derivatives are too long to write out as formulas; they are shown as numbers only")
    }
    return notes
  }
}
