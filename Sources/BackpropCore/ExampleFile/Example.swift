import BackpropEngine

/// A worked example, as an example file declares it.
///
/// It is only what the file says; ``Network`` compiles it into a graph and
/// ``Evaluation`` computes with it.
public struct Example: Sendable {
  /// The role of a value the network starts from.
  public enum LeafKind: String, Sendable, CaseIterable {
    /// `input` (an input of the network), `target` (a true label), `param` (a trainable
    /// parameter), `const` (a constant the document does not train), `rate` (the learning
    /// rate α): the keyword that declares the leaf.
    case input, target, param, const, rate

    /// Whether gradient descent changes it.
    public var isTrainable: Bool { self == .param }
  }

  /// An input, target, parameter, constant or the learning rate.
  public struct Leaf: Sendable {
    /// Which kind of value it is: the declaration's keyword.
    public var kind: LeafKind
    /// The name the formulas use (`w1`, `yhat`, `alpha`).
    public var name: String
    /// The value it starts from: the number, or the formula of numbers, after `=`.
    public var value: Double
    /// The value as written (`0.10`, `-0.30`).
    public var text: String
    /// Where the declaration is.
    public var location: SourceLocation
    /// The comment after the declaration, if any: shown with the given.
    public var note: String?
  }

  /// A forward equation: `name = formula`.
  public struct Equation: Sendable {
    /// The quantity the equation defines.
    public var name: String
    /// The right-hand side: how the forward pass computes the quantity.
    public var formula: Formula
    /// Where the equation is.
    public var location: SourceLocation
    /// The comment after the equation, if any: shown with its value.
    public var note: String?
  }

  /// A `let` line: a named value for document values.
  public struct Definition: Sendable {
    /// The name document values may use for it.
    public var name: String
    /// What it stands for: an expression that may use derivatives and states.
    public var expression: DocumentExpression
    /// Where the `let` line is.
    public var location: SourceLocation
  }

  /// A number the document printed, and what it is the value of.
  public struct DocumentValue: Sendable {
    /// What the number is the value of: the left-hand side of the `doc` line.
    public var expression: DocumentExpression
    /// The expression as written in the file, for messages.
    public var expressionText: String
    /// The number exactly as the document printed it, with the digits that make its claim.
    public var printed: PrintedNumber
    /// The comment after the `doc` line, if any.
    public var note: String?
    /// Where the `doc` line is.
    public var location: SourceLocation
  }

  /// A `doc` line left blank, for the student to fill in.
  public struct Blank: Sendable {
    /// The value to be worked out: the left-hand side of the `doc` line.
    public var expression: DocumentExpression
    /// Where the `doc` line is.
    public var location: SourceLocation
  }

  /// The name used in messages: the built-in name or the file's path.
  public var file: String
  /// The `title:` line: the example's title, shown by `list` and `walk`.
  public var title: String?
  /// The `source:` line: the document the numbers come from.
  public var source: String?
  /// The declared values (inputs, targets, parameters, constants, learning rate), in file order.
  public var leaves: [Leaf] = []
  /// The forward equations, in file order (not necessarily the order of evaluation).
  public var equations: [Equation] = []
  /// The quantity the `loss` line names: the L that the backward pass differentiates.
  public var loss: String
  /// Where the `loss` line is.
  public var lossLocation: SourceLocation
  /// The `let` values, in file order.
  public var definitions: [Definition] = []
  /// The numbers the document printed (`doc` lines with a number), in file order.
  public var documentValues: [DocumentValue] = []
  /// Blank `doc` lines: values still to be worked out.
  public var blanks: [Blank] = []

  /// The learning rate's leaf, if the file declares one.
  public var rate: Leaf? { leaves.first { $0.kind == .rate } }

  /// The trainable parameters, in file order.
  public var parameters: [Leaf] { leaves.filter { $0.kind.isTrainable } }
}
