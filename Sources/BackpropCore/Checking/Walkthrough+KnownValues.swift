import BackpropEngine

extension Walkthrough {
  /// A leaf as the document's numbers give it: a range, a value to show, the lines
  /// where any error in it began, and the file line it was printed on.
  struct Known {
    var range: Interval
    var point: Double
    var text: String
    var origins: [Row.ID]
    var location: Int? = nil
    /// The least precise printed number the value descends from.
    var coarsest: PrintedNumber? = nil
    /// Printed (by the document or a student), not derived from what was.
    var isPrinted = false
  }

  /// Where a leaf's value is kept: a local derivative ∂g/∂b and the total dg/db are
  /// different claims, kept apart.
  struct Slot: Hashable {
    var leaf: DocumentExpression
    var isLocal: Bool
  }

  /// Every printing of each leaf so far, in walk order.
  struct KnownValues {
    private var values: [Slot: [Known]] = [:]

    /// The printing closest before file line `location`, else the first after it;
    /// without a location, the latest.
    func value(of slot: Slot, before location: Int?) -> Known? {
      guard let entries = values[slot] else { return nil }
      guard let location else { return entries.last }
      let located = entries.filter { $0.location != nil }
      if let before = located.filter({ $0.location! < location }).max(by: { $0.location! < $1.location! }) { return before }
      return located.min(by: { $0.location! < $1.location! }) ?? entries.last
    }

    /// A printing, beside the others of the same leaf.
    mutating func add(_ entry: Known, to slot: Slot) {
      values[slot, default: []].removeAll { $0.location == nil }
      values[slot, default: []].append(entry)
    }

    /// What an unprinted step gives, in place of what was known.
    mutating func replace(_ slot: Slot, with entry: Known) { values[slot] = [entry] }
  }

  /// Which slot a step reads for each leaf and writes for its own quantity.
  struct Slots {
    /// Quantities of local-derivative rows.
    private var locals: Set<DocumentExpression> = []
    /// Quantities that also have a total of their own: a chain rule, or a printed total.
    private var totals: Set<DocumentExpression> = []

    init(_ lines: [Work]) {
      for line in lines {
        switch line.kind {
        case .localDerivative: locals.insert(line.quantity)
        case .chainRule, .documentValue: totals.insert(line.quantity)
        default: break
        }
      }
    }

    /// A chain rule ∂L/∂b = ∂L/∂g · ∂g/∂b reads its factors ∂g/∂b (and a lone ∂L/∂b,
    /// where L reads b directly) as local derivatives; every other leaf is a total.
    func read(_ leaf: DocumentExpression, by line: Work) -> Slot {
      guard line.kind == .chainRule, case .derivative(let of, _)? = leaf.leafValue,
        case .derivative(let loss, _)? = line.quantity.leafValue
      else { return Slot(leaf: leaf, isLocal: false) }
      return Slot(leaf: leaf, isLocal: leaf == line.quantity || of != loss)
    }

    /// The slots a value of `quantity` fills, from a step of `kind` (`nil` for a `let`):
    /// a local derivative is also the total when the walk has no total of its own.
    func written(_ quantity: DocumentExpression, kind: Kind?) -> [Slot] {
      let total = Slot(leaf: quantity, isLocal: false)
      guard locals.contains(quantity), kind == .localDerivative || kind == nil else { return [total] }
      let local = Slot(leaf: quantity, isLocal: true)
      if totals.contains(quantity) { return kind == nil ? [total] : [local] }
      return [local, total]
    }
  }
}
