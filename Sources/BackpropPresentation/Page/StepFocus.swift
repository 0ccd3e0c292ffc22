import BackpropCore

/// Where a line of the walk sits on the computation graph, for the page: which node it
/// is about, and what it shows there once the walk has reached it.
///
/// Read from the line's quantity alone: `h` is node h's value, `∂ŷ/∂w2` the local
/// derivative on the edge w2 → ŷ, `∂L/∂h` node h's gradient, `w1'` node w1's new value.
/// A value the document printed that is none of these (`y − ŷ`, `(y − ŷ')²`) shows
/// nothing new; it points at the nodes it reads, and a `let` name (`δ_2 = ∂L/∂z2`) at the
/// node of what it names. A value of another state of the network (`ŷ@converged`,
/// `p3[z1 = 0.5]`) points at nothing: the picture shows none of that state's values.
public struct StepFocus: Equatable, Sendable {
  /// What the line shows on the graph when the walk reaches it.
  public enum Shows: String, Sendable {
    /// The node's value, in the forward pass (a given or a computed value).
    case value
    /// ∂L/∂node, in the backward pass.
    case gradient
    /// ∂consumer/∂input, on the edge from the input to its consumer.
    case local
    /// The node's value after the update (an updated parameter, or a value after it).
    case updated
    /// Nothing new: the line only points at its nodes.
    case nothing
  }

  /// The quantity the line is about, as the file names it; nil when it is about no single one.
  public var node: String?
  /// What the line shows there.
  public var shows: Shows
  /// For a local derivative: the edge's input and its consumer.
  public var edge: (from: String, to: String)?
  /// Other quantities the line reads, shown as related to it.
  public var related: [String]
  /// Whether the value is ∂L/∂node: a chain-rule product, or the local derivative of the
  /// loss itself (∂L/∂ŷ), which no product follows when only the loss reads the node.
  public var isGradient: Bool

  /// The focus of `line`, `loss` being the name of the walk's loss.
  public init(_ line: Walkthrough.Line, loss: String) {
    node = nil
    shows = .nothing
    edge = nil
    related = []
    isGradient = false
    switch (line.kind, line.quantity.leafValue) {
    case (.given, .name(let name)?), (.value, .name(let name)?):
      node = name
      shows = .value
    case (.localDerivative, .derivative(let of, let input)?):
      node = input
      shows = .local
      edge = (input, of)
      related = [of]
      isGradient = of == loss
    case (.chainRule, .derivative(loss, let name)?):
      node = name
      shows = .gradient
      isGradient = true
    case (.update, .afterUpdate(let inner)?), (.value, .afterUpdate(let inner)?):
      if case .name(let name)? = inner.leafValue {
        node = name
        shows = .updated
      }
    default:
      break
    }
    if node == nil {
      // A document value: the one quantity it names, else every quantity it reads. A name
      // the file gives a single value with `let` (δ_2 = ∂L/∂z2) is about that value.
      var about = line.quantity
      if case .name? = about.leafValue, let formula = line.formula, formula.leafValue != nil { about = formula }
      let names = Self.names(in: about)
      if Self.readsAnotherState(about) {
        // About the network after training or with a leaf set to another value: the picture
        // shows another state, so no node is marked.
      } else if case .derivative(loss, let name)? = about.leafValue {
        node = name
      } else if names.count == 1 {
        node = names[0]
      } else {
        related = names
      }
    }
  }

  /// Whether `expression` reads the network in a state the page's picture never shows:
  /// after training (`ŷ@converged`) or with leaves set to other values (`p3[z1 = 0.5]`).
  static func readsAnotherState(_ expression: DocumentExpression) -> Bool {
    switch expression {
    case .number: false
    case .leaf(.afterTraining), .leaf(.substituting): true
    case .leaf(.afterUpdate(let inner)): readsAnotherState(inner)
    case .leaf: false
    case .apply(_, let operands): operands.contains(where: readsAnotherState)
    }
  }

  /// Every name `expression` reads, once each, in order of first appearance.
  static func names(in expression: DocumentExpression) -> [String] {
    var found: [String] = []
    var pending = [expression]
    while let next = pending.popLast() {
      switch next {
      case .number: break
      case .leaf(let term):
        for name in term.names where !found.contains(name) { found.append(name) }
      case .apply(_, let operands): pending += operands.reversed()
      }
    }
    return found
  }

  /// Whether two focuses are the same node, edge, related nodes and kind of value.
  public static func == (a: StepFocus, b: StepFocus) -> Bool {
    a.node == b.node && a.shows == b.shows && a.edge?.from == b.edge?.from && a.edge?.to == b.edge?.to && a.related == b.related
      && a.isGradient == b.isGradient
  }
}
