/// The verdict on one document value.
public enum Verdict: Equatable, Sendable {
  /// The exact value, rounded to the printed digits, gives the document's value.
  case agree
  /// The document's value minus the exact value.
  case differ(by: Double)

  /// Agree when |printed − exact| ≤ half a unit in the printed last digit.
  public init(printed: PrintedNumber, exact: Double) {
    self = printed.agrees(with: exact) ? .agree : .differ(by: printed.value - exact)
  }

  /// `agree` or `differ`.
  public var name: String {
    switch self {
    case .agree: "agree"
    case .differ: "differ"
    }
  }
}
