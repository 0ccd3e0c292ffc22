/// An operation a formula or a graph node may apply: `+`, `·`, `^`, `σ`, `max`, ...
///
/// An operator is a handle into the operator table (``Operator/table``), where one
/// ``Definition`` gives everything about it: names and spellings, arity, value,
/// local derivatives, interval extension, symbolic derivative and printed form.
/// Handles are small and cheap to compare, so the tape can store one per node.
public struct Operator: Hashable, Sendable, CustomStringConvertible {
  /// The operator's position in ``table``: two bytes, so that a tape node's operation
  /// stays small.
  let index: UInt16

  /// The operator's definition.
  @inline(__always)
  public var definition: Definition { Self.table[Int(index)] }

  /// The operator's name: `add`, `sigmoid`, `max`.
  public var name: String { definition.name }

  /// How many operands it takes: 1 or 2.
  public var arity: Int { definition.arity }

  /// How the operator is written.
  public var form: Form { definition.form }

  /// The operator's name.
  public var description: String { name }

  /// Each operator's value function, by table position: what the tape's forward pass calls.
  static let valueFunctions = ContiguousArray(table.map(\.value))

  /// Each operator's two local-derivative functions, by table position: what the tape's
  /// backward pass calls.
  static let derivativeFunctions = ContiguousArray(table.map { ($0.derivativeX, $0.derivativeY) })

  /// Every operator of the table, in table order.
  public static let all: [Operator] = table.indices.map { Operator(index: UInt16($0)) }

  /// The operator called `name` in the table.
  public static func named(_ name: String) -> Operator? {
    byName[name]
  }

  /// The function a formula calls by `spelling` (`sigmoid`, `sigma`, `ln`, `max`).
  public static func function(spelled spelling: String) -> Operator? {
    functionSpellings[spelling]
  }

  /// The infix operator written `symbol` (after ``canonicalSymbol(_:)``).
  public static func infix(_ symbol: Character) -> Operator? {
    infixSymbols[symbol]
  }

  /// The prefix operator written `symbol`: `-` for negation.
  public static func prefix(_ symbol: Character) -> Operator? {
    prefixSymbols[symbol]
  }

  /// The ASCII symbol an operator's other spelling stands for: `×` and `·` are `*`,
  /// `−` is `-`; `nil` for a character that spells no operator.
  public static func canonicalSymbol(_ character: Character) -> Character? {
    symbolSpellings[character]
  }

  private static let byName = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  private static let functionSpellings: [String: Operator] = {
    var result: [String: Operator] = [:]
    for op in all {
      guard case .function = op.form else { continue }
      for spelling in op.definition.spellings where result[spelling] == nil { result[spelling] = op }
    }
    return result
  }()

  private static func symbols(_ matches: (Form) -> Bool) -> [Character: Operator] {
    var result: [Character: Operator] = [:]
    for op in all where matches(op.form) {
      if let first = op.definition.spellings.first?.first, result[first] == nil { result[first] = op }
    }
    return result
  }

  private static let infixSymbols = symbols {
    switch $0 {
    case .infix, .power: true
    default: false
    }
  }

  private static let prefixSymbols = symbols {
    if case .prefix = $0 { true } else { false }
  }

  private static let symbolSpellings: [Character: Character] = {
    var result: [Character: Character] = [:]
    for op in all {
      switch op.form {
      case .infix, .prefix, .power:
        guard let first = op.definition.spellings.first?.first else { continue }
        for spelling in op.definition.spellings {
          if let c = spelling.first, spelling.count == 1 { result[c] = first }
        }
      default: continue
      }
    }
    return result
  }()
}
