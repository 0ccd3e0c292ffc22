import BackpropEngine

/// Why a formula's value is not a finite number.
enum Diagnosis {
  static func nonFinite(_ graph: Graph, in range: Range<Graph.Node>) -> String? {
    for node in range where !graph.values[node].isFinite {
      let (a, b) = graph.operands[node]
      let x = a >= 0 ? graph.values[Int(a)] : 0
      let y = b >= 0 ? graph.values[Int(b)] : 0
      if case .apply(let op) = graph.operations[node], let problem = op.definition.domainProblem(x, y, { Readable.format($0) }) {
        return problem
      }
      if (a >= 0 && !x.isFinite) || (b >= 0 && !y.isFinite) { continue }
      return graph.values[node].isNaN ? "is not a number (NaN)" : "overflows to infinity"
    }
    return nil
  }
}
