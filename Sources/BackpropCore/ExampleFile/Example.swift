import BackpropEngine

/// A worked example, as an example file declares it.
///
/// It is only what the file says; ``Network`` compiles it into a graph and
/// ``Evaluation`` computes with it.
public struct Example: Sendable {
  /// The role of a value the network starts from.
  public enum LeafKind: String, Sendable, CaseIterable {
    case input, target, param, const, rate

    /// Whether gradient descent changes it.
    public var isTrainable: Bool { self == .param }
  }

  /// An input, target, parameter, constant or the learning rate.
  public struct Leaf: Sendable {
    public var kind: LeafKind
    public var name: String
    public var value: Double
    /// The value as written (`0.10`, `-0.30`).
    public var text: String
    public var location: SourceLocation
    /// The comment after the declaration, if any: shown with the given.
    public var note: String?
  }

  /// A forward equation: `name = formula`.
  public struct Equation: Sendable {
    public var name: String
    public var formula: Formula
    public var location: SourceLocation
    /// The comment after the equation, if any: shown with its value.
    public var note: String?
  }

  /// A `let` line: a named value for document values.
  public struct Definition: Sendable {
    public var name: String
    public var expression: DocumentExpression
    public var location: SourceLocation
  }

  /// A number the document printed, and what it is the value of.
  public struct DocumentValue: Sendable {
    public var expression: DocumentExpression
    /// The expression as written in the file, for messages.
    public var expressionText: String
    public var printed: PrintedNumber
    /// The comment after the `doc` line, if any.
    public var note: String?
    public var location: SourceLocation
  }

  /// A `doc` line left blank, for the student to fill in.
  public struct Blank: Sendable {
    public var expression: DocumentExpression
    public var location: SourceLocation
  }

  /// The name used in messages: the built-in name or the file's path.
  public var file: String
  public var title: String?
  public var source: String?
  public var leaves: [Leaf] = []
  public var equations: [Equation] = []
  public var loss: String
  public var lossLocation: SourceLocation
  public var definitions: [Definition] = []
  public var documentValues: [DocumentValue] = []
  /// Blank `doc` lines: values still to be worked out.
  public var blanks: [Blank] = []

  /// The learning rate's leaf, if the file declares one.
  public var rate: Leaf? { leaves.first { $0.kind == .rate } }

  /// The trainable parameters, in file order.
  public var parameters: [Leaf] { leaves.filter { $0.kind.isTrainable } }
}
