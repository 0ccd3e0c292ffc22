/// A positional argument: its name, how many values it takes, and its help.
struct ArgumentDeclaration: Sendable {
  /// How many values an argument takes.
  enum Arity: Sendable {
    /// Exactly one.
    case one
    /// None or one.
    case optional
    /// One or more (only as the last argument).
    case oneOrMore
  }

  /// The name shown between angle brackets: `example` shows as `<example>`.
  var name: String
  var arity: Arity = .one
  /// The help text, one line here (the help wraps it).
  var help: String

  /// `<example>`, as the ARGUMENTS section labels it.
  var label: String { "<\(name)>" }

  /// How the USAGE line shows it: `<example>`, `[<topic>]` or `<example> ...`.
  var usage: String {
    switch arity {
    case .one: label
    case .optional: "[\(label)]"
    case .oneOrMore: "\(label) ..."
    }
  }
}
